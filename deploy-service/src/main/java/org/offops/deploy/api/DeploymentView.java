package org.offops.deploy.api;

import java.time.OffsetDateTime;
import org.offops.deploy.store.DeploymentRow;

/** A deployment as the API shows it. */
public record DeploymentView(String id, String flavor, String container, String server, String tag,
                             String previousTag, String state, String failedStep, String error, String correlationId,
                             String releaseEventId, String actor, OffsetDateTime createdAt, OffsetDateTime startedAt,
                             OffsetDateTime endedAt, long version) {

    static DeploymentView of(DeploymentRow row) {
        return new DeploymentView(row.id.toString(), row.flavor, row.container, row.server, row.tag, row.previousTag,
                row.state, row.failedStep, row.error, row.correlationId,
                row.releaseEventId == null ? null : row.releaseEventId.toString(), row.actor, row.createdAt,
                row.startedAt, row.endedAt, row.version);
    }
}
