package org.offops.storage.exec;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.offops.storage.domain.schedule.SnapshotSlots;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.PolicyEntity;
import org.offops.storage.store.StorageCatalog;
import org.offops.storage.store.TickClaims;

/** sanoid's timer: every tick, each due (dataset, period, slot) is claimed in PostgreSQL and snapshotted once. */
@ApplicationScoped
public class PolicyScheduler {

    private static final Logger LOG = Logger.getLogger(PolicyScheduler.class);
    private final StorageCatalog catalog;
    private final TickClaims claims;
    private final SnapshotRunner runner;
    private final String holder = "storage-service/" + UUID.randomUUID();

    public PolicyScheduler(StorageCatalog catalog, TickClaims claims, SnapshotRunner runner) {
        this.catalog = catalog;
        this.claims = claims;
        this.runner = runner;
    }

    @Scheduled(every = "${offops.storage.tick:15m}", delayed = "${offops.storage.tick:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        tick(Instant.now());
    }

    /** Takes every snapshot due at {@code now} that no other replica has claimed; returns how many it took. */
    public int tick(Instant now) {
        int taken = 0;
        String correlation = UUID.randomUUID().toString();
        for (DatasetEntity dataset : catalog.datasets()) {
            if (dataset.policy == null) {
                continue;
            }
            SnapshotPolicy policy = PolicyEntity.<PolicyEntity>findById(dataset.policy).toPolicy();
            for (SnapshotSlots.Due due : SnapshotSlots.due(policy, now)) {
                String job = "snapshot/" + dataset.id + "/" + due.period().label();
                if (claims.claim(job, due.slot(), holder)) {
                    try {
                        runner.take(dataset, due.period(), correlation, "scheduler");
                        taken++;
                    } catch (RuntimeException e) {
                        // give the slot back: the next tick (of this or another replica) takes it again
                        claims.release(job, due.slot(), holder);
                        LOG.warnf("scheduled snapshot of %s failed, slot released: %s", dataset.ref(),
                                e.getMessage());
                    }
                }
            }
        }
        return taken;
    }
}
