package org.offops.deploy.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of one deployment to one container; {@link #canMoveTo} is the only legal way between states. */
public enum DeploymentState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, ROLLING_BACK, ROLLED_BACK, ROLLBACK_FAILED, SUPERSEDED;

    private static final Map<DeploymentState, Set<DeploymentState>> NEXT = Map.of(
            QUEUED, EnumSet.of(RUNNING, SUPERSEDED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED),
            // an operator may revert a good deployment; a failed one is reverted automatically
            SUCCEEDED, EnumSet.of(ROLLING_BACK),
            FAILED, EnumSet.of(ROLLING_BACK),
            ROLLING_BACK, EnumSet.of(ROLLED_BACK, ROLLBACK_FAILED),
            ROLLBACK_FAILED, EnumSet.of(ROLLING_BACK),
            ROLLED_BACK, EnumSet.noneOf(DeploymentState.class),
            SUPERSEDED, EnumSet.noneOf(DeploymentState.class));

    public boolean canMoveTo(DeploymentState next) {
        return NEXT.get(this).contains(next);
    }

    /** The same state, after checking the move is legal. */
    public DeploymentState moveTo(DeploymentState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a deployment cannot go from " + this + " to " + next);
        }
        return next;
    }

    /** States in which commands run on the container: at most one such deployment per container. */
    public boolean active() {
        return this == RUNNING || this == ROLLING_BACK;
    }

    /** States after which nothing runs unless an operator asks for a rollback. */
    public boolean finished() {
        return this != QUEUED && !active();
    }
}
