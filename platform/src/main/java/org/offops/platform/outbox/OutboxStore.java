package org.offops.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** SQL behind the relay: claim the relay lease, read the oldest unsent rows, mark rows sent. */
@ApplicationScoped
public class OutboxStore {

    // One relay per schema at a time keeps each aggregate's events in order even with several replicas.
    private static final String LEASE = "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay'))";

    private final EntityManager em;

    public OutboxStore(EntityManager em) {
        this.em = em;
    }

    boolean tryLease() {
        return (Boolean) em.createNativeQuery(LEASE).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    List<PendingEvent> oldestUnsent(int limit) {
        List<Object[]> rows = em.createNativeQuery(
                        "select seq, topic, aggregate_key, payload from outbox_event where sent_at is null order by seq limit ?1")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new PendingEvent(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    void markSent(List<PendingEvent> events) {
        em.createNativeQuery("update outbox_event set sent_at = now() where seq in (:seqs)")
                .setParameter("seqs", events.stream().map(PendingEvent::seq).toList())
                .executeUpdate();
    }

    public long backlog() {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where sent_at is null")
                .getSingleResult()).longValue();
    }
}
