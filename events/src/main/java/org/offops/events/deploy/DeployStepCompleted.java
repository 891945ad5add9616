package org.offops.events.deploy;

import org.offops.events.OffopsEvent;

/** One step of a deployment finished on the container; {@code exitCode} is null for steps that run no command. */
public record DeployStepCompleted(
        String deploymentId,
        String container,
        String step,
        int attempt,
        long durationMs,
        Integer exitCode) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.DeployStepCompleted";
}
