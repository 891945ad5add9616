package org.offops.deploy.api;

import java.util.List;

/** A deployment and its step timeline (deploy steps, then rollback steps if any). */
public record DeploymentDetail(DeploymentView deployment, List<StepView> steps) {
}
