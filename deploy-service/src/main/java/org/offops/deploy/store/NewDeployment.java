package org.offops.deploy.store;

import java.util.UUID;

/**
 * Where a deployment comes from: the repository and ReleasePublished event (null for an operator's request), the
 * asset to install, the correlation chain it belongs to and who asked.
 */
public record NewDeployment(String repository, UUID releaseEventId, String assetUrl, String correlationId,
                            String actor) {
}
