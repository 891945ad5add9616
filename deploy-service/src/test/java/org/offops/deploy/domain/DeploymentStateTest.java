package org.offops.deploy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deployment state machine allows exactly the documented moves. */
class DeploymentStateTest {

    private static final Map<DeploymentState, Set<DeploymentState>> ALLOWED = Map.of(
            DeploymentState.QUEUED, EnumSet.of(DeploymentState.RUNNING, DeploymentState.SUPERSEDED),
            DeploymentState.RUNNING, EnumSet.of(DeploymentState.SUCCEEDED, DeploymentState.FAILED),
            DeploymentState.SUCCEEDED, EnumSet.of(DeploymentState.ROLLING_BACK),
            DeploymentState.FAILED, EnumSet.of(DeploymentState.ROLLING_BACK),
            DeploymentState.ROLLING_BACK, EnumSet.of(DeploymentState.ROLLED_BACK, DeploymentState.ROLLBACK_FAILED),
            DeploymentState.ROLLBACK_FAILED, EnumSet.of(DeploymentState.ROLLING_BACK),
            DeploymentState.ROLLED_BACK, EnumSet.noneOf(DeploymentState.class),
            DeploymentState.SUPERSEDED, EnumSet.noneOf(DeploymentState.class));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
        for (DeploymentState from : DeploymentState.values()) {
            for (DeploymentState to : DeploymentState.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void illegalMoveThrowsNamingBothStates() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DeploymentState.SUPERSEDED.moveTo(DeploymentState.RUNNING));
        assertEquals("a deployment cannot go from SUPERSEDED to RUNNING", e.getMessage());
    }

    @Test
    void onlyRunningAndRollingBackHoldTheContainer() {
        for (DeploymentState state : DeploymentState.values()) {
            boolean holds = state == DeploymentState.RUNNING || state == DeploymentState.ROLLING_BACK;
            assertEquals(holds, state.active(), state.name());
            assertEquals(!holds && state != DeploymentState.QUEUED, state.finished(), state.name());
        }
    }
}
