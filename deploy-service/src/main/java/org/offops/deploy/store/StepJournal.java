package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.offops.deploy.domain.StepOutcome;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.deploy.DeployStepFailed;

/** Each attempt at a step: started, completed or failed, with DeployStepCompleted / DeployStepFailed. */
@ApplicationScoped
public class StepJournal {

    public static final String PREVIOUS_TAG = "previousTag";
    public static final String PREVIOUS_STATIC = "previousStatic";
    private static final int EVENT_TAIL_CHARS = 1000;

    private final DeploymentJournal deployments;

    public StepJournal(DeploymentJournal deployments) {
        this.deployments = deployments;
    }

    /** The steps of one phase, in order. */
    @Transactional
    public List<StepRow> steps(UUID id, String phase) {
        return StepRow.list("deploymentId = ?1 and phase = ?2 order by seq", id, phase);
    }

    @Transactional
    public void started(StepRow step, int attempt) {
        StepRow row = StepRow.findById(step.id);
        row.state = StepStates.RUNNING;
        row.attempt = attempt;
        row.startedAt = OffsetDateTime.now();
        row.endedAt = null;
    }

    @Transactional
    public void completed(StepRow step, StepOutcome outcome) {
        StepRow row = ended(step, StepStates.SUCCEEDED, outcome);
        DeploymentRow deployment = DeploymentRow.findById(row.deploymentId);
        if (outcome.facts().containsKey(PREVIOUS_TAG)) {
            deployments.announce(deployment, outcome.facts().get(PREVIOUS_TAG), outcome.facts().get(PREVIOUS_STATIC));
        }
        deployments.publish(deployment, new DeployStepCompleted(deployment.id.toString(), deployment.container,
                eventName(row), row.attempt, outcome.durationMs(), outcome.exitCode()));
    }

    @Transactional
    public void failed(StepRow step, StepOutcome outcome) {
        StepRow row = ended(step, StepStates.FAILED, outcome);
        DeploymentRow deployment = DeploymentRow.findById(row.deploymentId);
        deployments.publish(deployment, new DeployStepFailed(deployment.id.toString(), deployment.container,
                eventName(row), row.attempt, outcome.exitCode(), outcome.error(),
                StepOutcome.tail(outcome.outputTail(), EVENT_TAIL_CHARS)));
    }

    private static StepRow ended(StepRow step, String state, StepOutcome outcome) {
        StepRow row = StepRow.findById(step.id);
        row.state = state;
        row.endedAt = OffsetDateTime.now();
        row.exitCode = outcome.exitCode();
        row.outputTail = outcome.ok() ? outcome.outputTail()
                : StepOutcome.tail(outcome.outputTail() + (outcome.error() == null ? "" : "\n" + outcome.error()),
                StepOutcome.TAIL_CHARS);
        return row;
    }

    private static String eventName(StepRow row) {
        return StepCodec.ROLLBACK.equals(row.phase) ? "rollback:" + row.name : row.name;
    }
}
