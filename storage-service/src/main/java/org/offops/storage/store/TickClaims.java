package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's PostgreSQL lease: a job (e.g. {@code snapshot/7/hourly}) is claimed for one slot under a row lock,
 * so however many replicas tick, one holds each slot at a time; a claim that is not completed in time (its replica was
 * killed, or it released it after a failure) can be claimed again.
 */
@ApplicationScoped
public class TickClaims {

    /** What a claim got: nothing, a slot nobody tried yet, or a slot an earlier claim left unfinished. */
    public enum Claim { NONE, FIRST, RETRY }

    private final EntityManager em;
    private final Duration claimLease;

    public TickClaims(EntityManager em,
                      @ConfigProperty(name = "offops.storage.claim-lease", defaultValue = "10m") Duration claimLease) {
        this.em = em;
        this.claimLease = claimLease;
    }

    /** How long a claim holds before another replica may retry its slot (longer than a snapshot can take). */
    public Duration claimLease() {
        return claimLease;
    }

    /** Claims (job, slot) for {@code lease}: FIRST for the first claimer of a new slot, RETRY for an expired one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String job, Instant slot, String holder, Duration lease) {
        OffsetDateTime at = OffsetDateTime.ofInstant(slot, ZoneOffset.UTC);
        em.createNativeQuery("insert into scheduler_lease (job, holder, until, done) values (?1, ?2, now(), true)"
                + " on conflict (job) do nothing").setParameter(1, job).setParameter(2, holder).executeUpdate();
        // the row lock is held until commit: a second claimer waits, then reads this claim and gets NONE
        Claim claim = Claim.valueOf((String) em.createNativeQuery("select case when last_tick is null"
                        + " or last_tick < ?2 then 'FIRST' when last_tick = ?2 and not done and until <= now()"
                        + " then 'RETRY' else 'NONE' end from scheduler_lease where job = ?1 for update")
                .setParameter(1, job).setParameter(2, at).getSingleResult());
        if (claim != Claim.NONE) {
            // a retry keeps taking_since: the earlier attempt's snapshot may be on the host
            em.createNativeQuery("update scheduler_lease set holder = ?2, done = false, taking_since = case when"
                            + " last_tick = ?3 then taking_since end, last_tick = ?3,"
                            + " until = now() + make_interval(secs => ?4) where job = ?1")
                    .setParameter(1, job).setParameter(2, holder).setParameter(3, at)
                    .setParameter(4, (double) lease.toMillis() / 1000).executeUpdate();
        }
        return claim;
    }

    /** Commits, before the holder runs `zfs snapshot`, that its snapshot's name is not older than {@code at}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void takingSince(String job, Instant slot, String holder, Instant at) {
        em.createNativeQuery("update scheduler_lease set taking_since = ?4 where job = ?1 and holder = ?2"
                        + " and last_tick = ?3 and not done").setParameter(1, job).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC))
                .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }

    /** When an earlier attempt at the job's current slot started taking its snapshot, if one got that far. */
    public Optional<Instant> takingSince(String job) {
        List<?> rows = em.createNativeQuery("select extract(epoch from taking_since)::bigint from scheduler_lease"
                + " where job = ?1 and taking_since is not null").setParameter(1, job).getResultList();
        return rows.stream().findFirst().map(r -> Instant.ofEpochSecond(((Number) r).longValue()));
    }

    /** Marks the holder's claim done, in the caller's transaction (the one that records the snapshot). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean complete(String job, Instant slot, String holder) {
        return em.createNativeQuery("update scheduler_lease set done = true, until = now() where job = ?1"
                        + " and holder = ?2 and last_tick = ?3 and not done").setParameter(1, job)
                .setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC)).executeUpdate() == 1;
    }

    /** Gives back a claimed slot whose work failed, so the next tick (of any replica) retries it at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, Instant slot, String holder) {
        em.createNativeQuery("update scheduler_lease set until = now() where job = ?1 and holder = ?2"
                        + " and last_tick = ?3 and not done").setParameter(1, job).setParameter(2, holder)
                .setParameter(3, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC)).executeUpdate();
    }

    /** A time-bound lease (e.g. one pull of a route at a time across replicas); true if this holder now has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lease(String job, String holder, Duration length) {
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
