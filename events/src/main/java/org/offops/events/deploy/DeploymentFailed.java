package org.offops.events.deploy;

import org.offops.events.OffopsEvent;

/** A deployment gave up at {@code failedStep}. */
public record DeploymentFailed(
        String deploymentId,
        String container,
        String flavor,
        String tag,
        String failedStep,
        String error) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.DeploymentFailed";
}
