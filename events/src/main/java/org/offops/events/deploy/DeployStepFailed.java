package org.offops.events.deploy;

import org.offops.events.OffopsEvent;

/** One attempt at a deployment step failed; {@code outputTail} holds the last lines of the command's output. */
public record DeployStepFailed(
        String deploymentId,
        String container,
        String step,
        int attempt,
        Integer exitCode,
        String error,
        String outputTail) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.DeployStepFailed";
}
