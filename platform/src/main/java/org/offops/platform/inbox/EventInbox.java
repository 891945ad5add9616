package org.offops.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;

/**
 * Applies each event at most once per consumer: the processed id and the handler's changes commit together.
 * Undecodable input throws, so the Kafka facade dead-letters it and the partition moves on.
 */
@ApplicationScoped
public class EventInbox {

    private final EntityManager em;
    private final MeterRegistry metrics;

    public EventInbox(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    /** Returns true when the event was applied now, false when this consumer had already applied it. */
    @Transactional
    public boolean accept(String consumer, byte[] rawEvent, EventHandler handler) {
        EventEnvelope event = EventCodec.decode(rawEvent == null ? new byte[0] : rawEvent);
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, UUID.fromString(event.id()))
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            metrics.counter("offops.inbox.events", "consumer", consumer, "outcome", "duplicate").increment();
            return false;
        }
        handler.handle(event);
        metrics.counter("offops.inbox.events", "consumer", consumer, "outcome", "applied").increment();
        return true;
    }
}
