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

    /** Gives back a claimed slot whose work failed, so the next tick (of any replica) takes it again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, Instant slot, String holder) {
        em.createNativeQuery("update scheduler_lease set last_tick = null where job = ?1 and holder = ?2"
                        + " and last_tick = ?3").setParameter(1, job).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC)).executeUpdate();
    }

    /** A time-bound lease (e.g. one pull of a route at a time across replicas); true if this holder now has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lease(String job, String holder, java.time.Duration length) {
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plus(length);
        em.createNativeQuery("insert into scheduler_lease (job, holder, until) values (?1, ?2, now())"
                + " on conflict (job) do nothing").setParameter(1, job).setParameter(2, holder).executeUpdate();
        return em.createNativeQuery("update scheduler_lease set holder = ?2, until = ?3"
                        + " where job = ?1 and (until <= now() or holder = ?2)")
                .setParameter(1, job).setParameter(2, holder).setParameter(3, until).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unlease(String job, String holder) {
        em.createNativeQuery("update scheduler_lease set until = now() where job = ?1 and holder = ?2")
                .setParameter(1, job).setParameter(2, holder).executeUpdate();
    }
}
