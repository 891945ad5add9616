package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The {@code webhook_delivery} table: one row per GitHub delivery id, written inside the caller's transaction. */
@ApplicationScoped
public class DeliveryStore {

    private final EntityManager em;

    public DeliveryStore(EntityManager em) {
        this.em = em;
    }

    /** Inserts the delivery unless it is already known; true when this call created the row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remember(UUID deliveryId, String event, String repository, String tag, String outcome) {
        return em.createNativeQuery("insert into webhook_delivery (delivery_id, event, repository, tag, outcome)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (delivery_id) do nothing")
                .setParameter(1, deliveryId)
                .setParameter(2, event)
                .setParameter(3, repository)
                .setParameter(4, tag)
                .setParameter(5, outcome)
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void linkEvent(UUID deliveryId, String eventId) {
        em.createNativeQuery("update webhook_delivery set event_id = ?2 where delivery_id = ?1")
                .setParameter(1, deliveryId)
                .setParameter(2, UUID.fromString(eventId))
                .executeUpdate();
    }

    /** The event a known delivery produced, or null when it produced none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String eventOf(UUID deliveryId) {
        List<?> rows = em.createNativeQuery("select cast(event_id as varchar) from webhook_delivery where delivery_id = ?1")
                .setParameter(1, deliveryId)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }
}
