package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.offops.deploy.domain.DeploymentState;
import org.offops.deploy.domain.StepKind;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.store.DeploymentJournal;
import org.offops.deploy.store.DeploymentRow;
import org.offops.deploy.store.FleetFacts;
import org.offops.deploy.store.StepJournal;
import org.offops.deploy.store.StepRow;
import org.offops.deploy.store.StepStates;
import org.offops.remote.RemoteHost;

/**
 * Drives one deployment from RUNNING (or ROLLING_BACK) to an end state, resuming after a crash: the step that was
 * running is re-run when its kind allows it, otherwise the deployment fails and the container is rolled back.
 */
@ApplicationScoped
public class PipelineRunner {

    private final DeploymentJournal deployments;
    private final StepJournal steps;
    private final StepAttempts attempts;
    private final RollbackRunner rollback;
    private final FleetFacts fleet;

    public PipelineRunner(DeploymentJournal deployments, StepJournal steps, StepAttempts attempts,
                          RollbackRunner rollback, FleetFacts fleet) {
        this.deployments = deployments;
        this.steps = steps;
        this.attempts = attempts;
        this.rollback = rollback;
        this.fleet = fleet;
    }

    public void drive(UUID id) {
        DeploymentRow row = deployments.find(id);
        Optional<ContainerFacts> container = fleet.container(row.container);
        if (container.isEmpty()) {
            String why = "container " + row.container + " is no longer in the fleet view";
            if (DeploymentState.valueOf(row.state) == DeploymentState.RUNNING) {
                deployments.fail(id, "plan", why);
            } else {
                deployments.rollbackFailed(id, why);
            }
            return;
        }
        if (DeploymentState.valueOf(row.state) == DeploymentState.RUNNING) {
            deploy(row, container.get());
            row = deployments.find(id);
        }
        if (DeploymentState.valueOf(row.state) == DeploymentState.ROLLING_BACK) {
            rollback.resume(row, container.get());
        }
    }

    private void deploy(DeploymentRow row, ContainerFacts container) {
        StepContext context = context(row, container);
        List<StepRow> plan = steps.steps(row.id, "deploy");
        for (StepRow step : plan) {
            if (StepStates.SUCCEEDED.equals(step.state)) {
                continue;
            }
            if (StepStates.RUNNING.equals(step.state) && !StepKind.valueOf(step.kind).rerunnable()) {
                failed(row, container, plan, step, "deploy-service stopped while " + step.name
                        + " ran on " + container.name() + "; that step cannot be re-run, so the container is rolled back");
                return;
            }
            StepOutcome outcome = attempts.run(context, step);
            if (!outcome.ok()) {
                failed(row, container, plan, step, outcome.error());
                return;
            }
        }
        deployments.succeed(row.id);
    }

    private void failed(DeploymentRow row, ContainerFacts container, List<StepRow> plan, StepRow failed,
                        String error) {
        deployments.fail(row.id, failed.name, error);
        // nothing to undo unless a step that changes the container got to run
        // (every step before the failed one succeeded, and the failed one ran at least in part)
        boolean changed = plan.stream().anyMatch(s -> s.seq <= failed.seq
                && StepKind.valueOf(s.kind).changesContainer());
        if (changed) {
            rollback.start(deployments.find(row.id), container, "step " + failed.name + " failed: " + error);
        }
    }

    static StepContext context(DeploymentRow row, ContainerFacts container) {
        return new StepContext(row.id.toString(),
                new RemoteHost(container.name(), container.address(), container.port(), "root", container.hostKey()),
                row.assetUrl);
    }
}
