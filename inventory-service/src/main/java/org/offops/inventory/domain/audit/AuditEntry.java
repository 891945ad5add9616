package org.offops.inventory.domain.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One journaled event as the API and the live tail serve it; {@code data} is the event's JSON, passed through as is.
 */
public record AuditEntry(
        long seq,
        UUID id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String correlationId,
        String actor,
        String topic,
        int partition,
        long offset,
        @JsonRawValue String data,
        OffsetDateTime receivedAt) {
}
