package org.offops.deploy.api;

import java.util.List;

/** One page of deployments, newest first. */
public record DeploymentPage(List<DeploymentView> items, int offset, int limit, long total) {
}
