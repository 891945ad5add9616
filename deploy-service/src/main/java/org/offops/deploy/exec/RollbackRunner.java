package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import org.offops.deploy.domain.DeployConfig;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.domain.plan.DeploymentPlanner;
import org.offops.deploy.domain.plan.FlavorSettings;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.store.DeploymentJournal;
import org.offops.deploy.store.DeploymentRow;
import org.offops.deploy.store.StepJournal;
import org.offops.deploy.store.StepRow;
import org.offops.deploy.store.StepStates;

/** Puts one container back on the release it ran before the deployment: checkout, static symlink, restart, health. */
@ApplicationScoped
public class RollbackRunner {

    private final DeploymentJournal deployments;
    private final StepJournal steps;
    private final StepAttempts attempts;
    private final DeployConfig config;

    public RollbackRunner(DeploymentJournal deployments, StepJournal steps, StepAttempts attempts,
                          DeployConfig config) {
        this.deployments = deployments;
        this.steps = steps;
        this.attempts = attempts;
        this.config = config;
    }

    /** The rollback plan of a deployment, or null when the release it replaced is unknown. */
    public Plan plan(DeploymentRow row, ContainerFacts container) {
        FlavorSettings settings = config.settings(row.flavor).orElse(null);
        if (row.previousTag == null || settings == null) {
            return null;
        }
        return DeploymentPlanner.rollback(container, settings, row.previousTag, row.previousStatic);
    }

    /** Automatic rollback of a failed deployment. */
    void start(DeploymentRow row, ContainerFacts container, String reason) {
        Plan plan;
        try {
            plan = plan(row, container);
        } catch (RuntimeException e) {
            // e.g. a previous release or static path the validators refuse: never act on it
            plan = null;
            reason = reason + "; " + e.getMessage();
        }
        if (plan == null) {
            deployments.beginRollback(row.id, new Plan(row.container, row.flavor, row.tag, java.util.List.of()));
            deployments.rollbackFailed(row.id, "cannot roll back " + row.container + ": the release it ran before"
                    + " is unknown (" + reason + ")");
            return;
        }
        deployments.beginRollback(row.id, plan);
        resume(deployments.find(row.id), container);
    }

    /** Runs the rollback steps not yet done (all of them can be re-run after a crash). */
    void resume(DeploymentRow row, ContainerFacts container) {
        StepContext context = PipelineRunner.context(row, container);
        for (StepRow step : steps.steps(row.id, "rollback")) {
            if (StepStates.SUCCEEDED.equals(step.state)) {
                continue;
            }
            StepOutcome outcome = attempts.run(context, step);
            if (!outcome.ok()) {
                deployments.rollbackFailed(row.id, "rollback step " + step.name + " failed: " + outcome.error());
                return;
            }
        }
        deployments.rolledBack(row.id, reason(row));
    }

    private static String reason(DeploymentRow row) {
        if (row.failedStep != null) {
            return "step " + row.failedStep + " failed: " + StepOutcome.tail(row.error == null ? "" : row.error, 500);
        }
        return row.error != null ? row.error : "rollback requested";
    }
}
