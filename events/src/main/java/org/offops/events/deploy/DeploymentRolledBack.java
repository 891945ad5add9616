package org.offops.events.deploy;

import org.offops.events.OffopsEvent;

/** A container was put back from {@code fromTag} to {@code toTag} after a failed or reverted deployment. */
public record DeploymentRolledBack(
        String deploymentId,
        String container,
        String flavor,
        String fromTag,
        String toTag,
        String reason) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.DeploymentRolledBack";
}
