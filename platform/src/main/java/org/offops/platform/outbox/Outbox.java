package org.offops.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.EventTypes;
import org.offops.events.OffopsEvent;

/** Records an event in the same transaction as the state change that caused it; the relay publishes it later. */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final Event<OutboxWritten> written;
    private final String source;
    private final String topic;

    public Outbox(EntityManager em, Event<OutboxWritten> written,
                  @ConfigProperty(name = "quarkus.application.name") String service,
                  @ConfigProperty(name = "offops.outbox.topic") String topic) {
        this.em = em;
        this.written = written;
        this.source = "/" + service;
        this.topic = topic;
    }

    /** Must run inside the caller's transaction: an event without its state change (or the reverse) is a lie. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String subject, String correlationId, String actor, OffopsEvent event) {
        String type = EventTypes.typeOf(event.getClass());
        if (!topic.equals(EventTypes.topicOf(type))) {
            throw new IllegalStateException(source + " owns " + topic + " and may not publish " + type);
        }
        EventEnvelope envelope = EventEnvelope.of(source, subject, correlationId, actor, event);
        em.createNativeQuery("insert into outbox_event (id, topic, aggregate_key, type, payload) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.fromString(envelope.id()))
                .setParameter(2, topic)
                .setParameter(3, subject)
                .setParameter(4, type)
                .setParameter(5, EventCodec.encodeToString(envelope))
                .executeUpdate();
        written.fire(new OutboxWritten(topic));
        return envelope;
    }
}
