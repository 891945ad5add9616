package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The scheduler's PostgreSQL lease: a job (e.g. {@code snapshot/7/hourly}) is claimed for one slot by a conditional
 * update, so however many replicas tick, exactly one wins each slot.
 */
@ApplicationScoped
public class TickClaims {

    private final EntityManager em;

    public TickClaims(EntityManager em) {
        this.em = em;
    }

    /** True for exactly one caller per (job, slot): the one whose update moved the job's last slot forward. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, Instant slot, String holder) {
        OffsetDateTime at = OffsetDateTime.ofInstant(slot, ZoneOffset.UTC);
        em.createNativeQuery("insert into scheduler_lease (job, holder, until) values (?1, ?2, ?3)"
                + " on conflict (job) do nothing").setParameter(1, job).setParameter(2, holder).setParameter(3, at)
                .executeUpdate();
        // row lock + predicate re-check under READ COMMITTED: a second updater sees the new last_tick and matches 0 rows
        return em.createNativeQuery("update scheduler_lease set holder = ?2, last_tick = ?3, until = now()"
                        + " where job = ?1 and (last_tick is null or last_tick < ?3)")
                .setParameter(1, job).setParameter(2, holder).setParameter(3, at).executeUpdate() == 1;
    }
}
