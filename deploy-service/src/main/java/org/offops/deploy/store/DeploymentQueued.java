package org.offops.deploy.store;

import java.util.UUID;

/** CDI event: a deployment was queued (observed after commit, to wake the dispatcher). */
public record DeploymentQueued(UUID id) {
}
