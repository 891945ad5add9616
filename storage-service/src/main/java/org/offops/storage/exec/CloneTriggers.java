package org.offops.storage.exec;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.offops.storage.store.CloneCatalog;
import org.offops.storage.store.ReplicaRecorded;

/**
 * Starts clone refreshes: after a replica is committed (CDI {@code ReplicaRecorded} observed AFTER_SUCCESS, so
 * CloneRefreshed shares the SnapshotReplicated's correlation id) for every rule on that dataset, and in a sweep
 * ({@code offops.storage.clone.sweep}, 1 h) that finishes what a failed or cut refresh left.
 */
@ApplicationScoped
public class CloneTriggers {

    private static final Logger LOG = Logger.getLogger(CloneTriggers.class);
    private final CloneRefresher refresher;
    private final CloneCatalog clones;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    public CloneTriggers(CloneRefresher refresher, CloneCatalog clones) {
        this.refresher = refresher;
        this.clones = clones;
    }

    void onReplica(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplicaRecorded replica) {
        pool.execute(() -> refreshAll(rulesFor(replica.targetDatasetId()), replica.correlationId()));
    }

    @Scheduled(every = "${offops.storage.clone.sweep:1h}", delayed = "${offops.storage.clone.sweep:1h}")
    void sweep() {
        pool.execute(() -> refreshAll(allRules(), UUID.randomUUID().toString()));
    }

    private void refreshAll(List<Long> rules, String correlationId) {
        for (long id : rules) {
            try {
                refresher.refresh(id, correlationId, "storage-service");
            } catch (RuntimeException e) {
                // recorded on the rule (GET /clone-rules); the next replica, the sweep or an operator finishes it
                LOG.warnf("refresh of clone rule %d failed: %s", id, e.getMessage());
            }
        }
    }

    @ActivateRequestContext
    List<Long> rulesFor(long datasetId) {
        return clones.rulesFor(datasetId);
    }

    @ActivateRequestContext
    List<Long> allRules() {
        return clones.rules().stream().map(r -> r.id).toList();
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
