package org.offops.deploy.api;

/** An operator's deployment request: a flavor (all its containers) or one container, and a release tag. */
public record DeployRequest(String flavor, String container, String tag) {
}
