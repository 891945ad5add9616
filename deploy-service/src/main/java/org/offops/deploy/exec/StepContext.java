package org.offops.deploy.exec;

import org.offops.remote.RemoteHost;

/** What a step runs against: the container's SSH host, its backend's address, and the deployment's asset. */
public record StepContext(String deploymentId, RemoteHost host, String assetUrl) {
}
