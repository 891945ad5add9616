package org.offops.deploy.api;

import java.util.List;
import org.offops.deploy.domain.plan.Plan;

/** The answer to a deployment request: the plans (dry run) or the deployments queued. */
public record PlannedDeployments(boolean dryRun, List<Plan> plans, List<DeploymentView> deployments) {
}
