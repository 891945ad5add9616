package org.offops.events.deploy;

import org.offops.events.OffopsEvent;

/** A deployment of {@code tag} to one flavor's container began; {@code previousTag} is what a rollback returns to. */
public record DeploymentStarted(
        String deploymentId,
        String tag,
        String flavor,
        String container,
        String server,
        String previousTag) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.DeploymentStarted";
}
