package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.offops.deploy.domain.DeploymentState;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.Plan;
import org.offops.events.OffopsEvent;
import org.offops.events.deploy.DeploymentFailed;
import org.offops.events.deploy.DeploymentRolledBack;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.platform.outbox.Outbox;

/** Every change of a deployment's state, each in one transaction with the event that announces it. */
@ApplicationScoped
public class DeploymentJournal {

    private final Outbox outbox;
    private final StepCodec codec;

    public DeploymentJournal(Outbox outbox, StepCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    @Transactional
    public DeploymentRow find(UUID id) {
        return DeploymentRow.findById(id);
    }

    /** Records what the container ran before (read by the first step) and announces the deployment with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(DeploymentRow row, String previousTag, String previousStatic) {
        if (previousTag != null) {
            row.previousTag = previousTag;
        }
        if (previousStatic != null) {
            row.previousStatic = previousStatic;
        }
        if (!row.announced) {
            row.announced = true;
            publish(row, new DeploymentStarted(row.id.toString(), row.tag, row.flavor, row.container, row.server,
                    row.previousTag));
        }
    }

    @Transactional
    public void succeed(UUID id) {
        DeploymentRow row = moved(id, DeploymentState.SUCCEEDED);
        publish(row, new DeploymentSucceeded(row.id.toString(), row.container, row.flavor, row.tag,
                Duration.between(row.startedAt, row.endedAt).toMillis()));
    }

    @Transactional
    public void fail(UUID id, String step, String error) {
        DeploymentRow row = DeploymentRow.findById(id);
        announce(row, null, null);
        row = moved(id, DeploymentState.FAILED);
        row.failedStep = step;
        row.error = StepOutcome.tail(error, StepOutcome.TAIL_CHARS);
        publish(row, new DeploymentFailed(row.id.toString(), row.container, row.flavor, row.tag, step,
                StepOutcome.tail(error, 1000)));
    }

    /** Starts a rollback with a fresh set of rollback steps (a second rollback replaces the first one's steps). */
    @Transactional
    public void beginRollback(UUID id, Plan plan) {
        DeploymentRow row = moved(id, DeploymentState.ROLLING_BACK);
        row.endedAt = null;
        StepRow.delete("deploymentId = ?1 and phase = ?2", id, StepCodec.ROLLBACK);
        StepRow.flush();
        codec.insert(StepRow.getEntityManager(), id, StepCodec.ROLLBACK, plan.steps());
    }

    @Transactional
    public void rolledBack(UUID id, String reason) {
        DeploymentRow row = moved(id, DeploymentState.ROLLED_BACK);
        publish(row, new DeploymentRolledBack(row.id.toString(), row.container, row.flavor, row.tag,
                row.previousTag, reason));
    }

    @Transactional
    public void rollbackFailed(UUID id, String error) {
        DeploymentRow row = moved(id, DeploymentState.ROLLBACK_FAILED);
        // the deployment's own failure stays first: it is why the rollback ran
        row.error = StepOutcome.tail(row.error == null ? error : row.error + "; then " + error, StepOutcome.TAIL_CHARS);
    }

    private static DeploymentRow moved(UUID id, DeploymentState next) {
        DeploymentRow row = DeploymentRow.findById(id);
        row.state = DeploymentState.valueOf(row.state).moveTo(next).name();
        if (next.finished()) {
            row.endedAt = OffsetDateTime.now();
        }
        return row;
    }

    void publish(DeploymentRow row, OffopsEvent event) {
        outbox.publish(row.subject(), row.correlationId, row.actor, event);
    }
}
