package org.offops.events.deploy;

import org.offops.events.OffopsEvent;

/** A deployment finished and the container now runs {@code tag}. */
public record DeploymentSucceeded(
        String deploymentId,
        String container,
        String flavor,
        String tag,
        long durationMs) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.DeploymentSucceeded";
}
