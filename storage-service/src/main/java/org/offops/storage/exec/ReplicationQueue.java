package org.offops.storage.exec;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.offops.storage.store.RouteEntity;
import org.offops.storage.store.SnapshotRecorded;
import org.offops.storage.store.RouteCatalog;
import org.offops.storage.store.TickClaims;

/**
 * Starts pulls once a snapshot is committed: every route from that dataset is pulled, one pull per route at a time
 * (a request arriving meanwhile is coalesced into one more pull), failures retried with exponential backoff, and a
 * periodic sweep catching up whatever a crash or an exhausted retry left behind.
 */
@ApplicationScoped
public class ReplicationQueue {

    private static final Logger LOG = Logger.getLogger(ReplicationQueue.class);
    private final Replicator replicator;
    private final RouteCatalog routes;
    private final TickClaims claims;
    private final Duration backoff;
    private final int maxAttempts;
    private final ScheduledExecutorService pool;
    private final Map<Long, String> pending = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();
    private final String holder = "storage-service/" + UUID.randomUUID();

    public ReplicationQueue(Replicator replicator, RouteCatalog routes, TickClaims claims,
                            @ConfigProperty(name = "offops.storage.replication.backoff", defaultValue = "30s")
                            Duration backoff,
                            @ConfigProperty(name = "offops.storage.replication.attempts", defaultValue = "5")
                            int maxAttempts,
                            @ConfigProperty(name = "offops.storage.replication.workers", defaultValue = "8")
                            int workers) {
        this.replicator = replicator;
        this.routes = routes;
        this.claims = claims;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.pool = Executors.newScheduledThreadPool(workers);
    }

    void onSnapshot(@Observes(during = TransactionPhase.AFTER_SUCCESS) SnapshotRecorded recorded) {
        pool.execute(() -> routesFrom(recorded.datasetId()).forEach(r -> request(r, recorded.correlationId())));
    }

    /** Asks for a pull of the route; coalesced with a pull already waiting for it. */
    public void request(long routeId, String correlationId) {
        if (pending.put(routeId, correlationId == null ? UUID.randomUUID().toString() : correlationId) == null) {
            pool.execute(() -> drain(routeId));
        }
    }

    /** True while no pull is running or waiting (for tests and the benchmark). */
    public boolean idle() {
        return pending.isEmpty() && running.isEmpty();
    }

    @Scheduled(every = "${offops.storage.replication.sweep:15m}", delayed = "${offops.storage.replication.sweep:15m}")
    void sweep() {
        String correlation = UUID.randomUUID().toString();
        allRoutes().forEach(r -> request(r, correlation));
    }

    private void drain(long routeId) {
        if (running.putIfAbsent(routeId, true) != null) {
            return; // the running pull re-checks pending when it ends
        }
        try {
            String correlation;
            while ((correlation = pending.remove(routeId)) != null) {
                pullWithLease(routeId, 1, correlation);
            }
        } finally {
            running.remove(routeId);
            if (pending.containsKey(routeId)) {
                pool.execute(() -> drain(routeId));
            }
        }
    }

    private void pullWithLease(long routeId, int attempt, String correlation) {
        String job = "replicate/" + routeId;
        if (!claims.lease(job, holder, Duration.ofHours(6))) {
            return; // another replica pulls this route now; its pull includes our snapshot or its sweep will
        }
        Replicator.Outcome outcome;
        try {
            outcome = replicator.pull(routeId, attempt, correlation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.warnf("pull of route %d failed: %s", routeId, e.getMessage());
            outcome = Replicator.Outcome.FAILED;
        } finally {
            claims.unlease(job, holder);
        }
        if (outcome == Replicator.Outcome.FAILED && attempt < maxAttempts) {
            long delay = backoff.toMillis() << Math.min(attempt - 1, 10);
            pool.schedule(() -> retry(routeId, attempt + 1, correlation), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void retry(long routeId, int attempt, String correlation) {
        if (running.putIfAbsent(routeId, true) != null) {
            pending.putIfAbsent(routeId, correlation);
            return;
        }
        try {
            pending.remove(routeId);
            pullWithLease(routeId, attempt, correlation);
        } finally {
            running.remove(routeId);
            if (pending.containsKey(routeId)) {
                pool.execute(() -> drain(routeId));
            }
        }
    }

    @ActivateRequestContext
    List<Long> routesFrom(long datasetId) {
        return routes.routesFrom(datasetId).stream().map(r -> r.id).toList();
    }

    @ActivateRequestContext
    List<Long> allRoutes() {
        return routes.routes().stream().map(r -> r.id).toList();
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
