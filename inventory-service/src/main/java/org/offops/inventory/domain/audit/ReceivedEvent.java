package org.offops.inventory.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.offops.events.EventEnvelope;

/**
 * A decoded record ready for the journal: the envelope, where it was read, its event time (the record timestamp when
 * the producer set none), its data as JSON text and the fleet facts it carries.
 */
public record ReceivedEvent(EventEnvelope envelope, OffsetDateTime time, String topic, int partition, long offset,
                            String dataJson, List<FleetFact> facts) {

    public UUID id() {
        return UUID.fromString(envelope.id());
    }

    /** The journal entry this event becomes once stored as {@code seq} at {@code receivedAt}. */
    public AuditEntry stored(long seq, OffsetDateTime receivedAt) {
        return new AuditEntry(seq, id(), envelope.type(), envelope.source(), envelope.subject(), time,
                envelope.correlationid(), envelope.actor(), topic, partition, offset, dataJson, receivedAt);
    }
}
