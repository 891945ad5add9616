package org.offops.storage.exec;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.offops.storage.domain.schedule.SnapshotSlots;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotName;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.PolicyEntity;
import org.offops.storage.store.SnapshotLedger;
import org.offops.storage.store.StorageCatalog;
import org.offops.storage.store.TickClaims;

/** sanoid's timer: every tick, each due (dataset, period, slot) is claimed in PostgreSQL and snapshotted once. */
@ApplicationScoped
public class PolicyScheduler {

    private static final Logger LOG = Logger.getLogger(PolicyScheduler.class);
    private final StorageCatalog catalog;
    private final TickClaims claims;
    private final SnapshotRunner runner;
    private final SnapshotLedger ledger;
    private final String holder = "storage-service/" + UUID.randomUUID();

    @Inject
    public PolicyScheduler(StorageCatalog catalog, TickClaims claims, SnapshotRunner runner, SnapshotLedger ledger) {
        this.catalog = catalog;
        this.claims = claims;
        this.runner = runner;
        this.ledger = ledger;
    }

    @Scheduled(every = "${offops.storage.tick:15m}", delayed = "${offops.storage.tick:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        tick(Instant.now());
    }

    /** Takes every snapshot due at {@code now} that no other replica holds; returns how many slots it covered. */
    public int tick(Instant now) {
        int taken = 0;
        String correlation = UUID.randomUUID().toString();
        long started = System.nanoTime();
        for (DatasetEntity dataset : catalog.datasets()) {
            if (dataset.policy == null) {
                continue;
            }
            SnapshotPolicy policy = PolicyEntity.<PolicyEntity>findById(dataset.policy).toPolicy();
            // a long tick's time moves on: a slot that ended while earlier datasets were snapshotted is not claimed
            Instant at = now.plusNanos(System.nanoTime() - started);
            for (SnapshotSlots.Due due : SnapshotSlots.due(policy, at)) {
                taken += takeOnce(dataset, due, correlation) ? 1 : 0;
            }
        }
        return taken;
    }

    private boolean takeOnce(DatasetEntity dataset, SnapshotSlots.Due due, String correlation) {
        String job = "snapshot/" + dataset.id + "/" + due.period().label();
        TickClaims.Claim claim = claims.claim(job, due.slot(), holder, claims.claimLease());
        if (claim == TickClaims.Claim.NONE) {
            return false;
        }
        try {
            // the snapshot's record, its SnapshotTaken and the claim's completion commit together: a replica killed
            // before that commit leaves an unfinished claim, retried (RETRY) once its lease expires
            String name = QuarkusTransaction.requiringNew().timeout((int) claims.claimLease().toSeconds()).call(() -> {
                String done = claim == TickClaims.Claim.RETRY ? leftOver(dataset, due, job, correlation) : null;
                if (done == null) {
                    claims.takingSince(job, due.slot(), holder, Instant.now().truncatedTo(ChronoUnit.SECONDS));
                    done = runner.take(dataset, due.period(), correlation, "scheduler").data().get("snapshot").asText();
                }
                if (!claims.complete(job, due.slot(), holder)) {
                    LOG.warnf("%s outlived its claim of %s %s: raise offops.storage.claim-lease", holder, job,
                            due.slot());
                }
                return done;
            });
            LOG.infof("%s took %s@%s for %s slot %s (%s claim)", holder, dataset.name, name, due.period().label(),
                    due.slot(), claim);
            return true;
        } catch (RuntimeException e) {
            // give the slot back: the next tick (of this or another replica) retries it
            claims.release(job, due.slot(), holder);
            LOG.warnf("scheduled snapshot of %s failed, slot released: %s", dataset.ref(), e.getMessage());
            return false;
        }
    }

    /**
     * The snapshot an earlier attempt at this slot took on the host but never recorded (it was killed, or failed
     * after `zfs snapshot`): named by sanoid's rule no older than when that attempt started taking, within its lease.
     * Announced now, instead of taking a second one; null when there is none.
     */
    private String leftOver(DatasetEntity dataset, SnapshotSlots.Due due, String job, String correlation) {
        Instant from = claims.takingSince(job).orElse(null);
        if (from == null) {
            return null;
        }
        Instant to = from.plus(claims.claimLease());
        Snapshot left = runner.refresh(dataset).stream().filter(s -> SnapshotName.parse(s.name()).filter(n ->
                n.period() == due.period() && !n.time().isBefore(from) && !n.time().isAfter(to)).isPresent())
                .findFirst().orElse(null);
        if (left != null) {
            ledger.taken(dataset, left.name(), due.period().label(), Instant.ofEpochSecond(left.creation()),
                    correlation, "scheduler");
        }
        return left == null ? null : left.name();
    }
}
