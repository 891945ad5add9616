package org.offops.deploy.exec;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.offops.deploy.domain.DeployConfig;
import org.offops.deploy.store.DeploymentQueue;
import org.offops.deploy.store.DeploymentQueued;

/**
 * Hands deployments to worker threads: first any left RUNNING or ROLLING_BACK without a worker here (after a crash,
 * or an operator's rollback), then waiting ones of idle containers, up to {@code offops.deploy.max-parallel}.
 * Woken right after a deployment is committed, and every two seconds as a safety net.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeploymentQueue queue;
    private final PipelineRunner runner;
    private final DeployConfig config;
    private final Set<UUID> driving = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> thread(r, "deploy-dispatch"));
    private final ExecutorService workers;
    private volatile boolean started;

    public Dispatcher(DeploymentQueue queue, PipelineRunner runner, DeployConfig config) {
        this.queue = queue;
        this.runner = runner;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.maxParallel()) + 4,
                r -> thread(r, "deploy-worker"));
    }

    void onStart(@Observes StartupEvent event) {
        started = config.dispatch();
        wake();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeploymentQueued queued) {
        wake();
    }

    @Scheduled(every = "2s", delayed = "2s")
    void tick() {
        wake();
    }

    /** Asks for one dispatch round soon; rounds asked for while one is pending coalesce. */
    public void wake() {
        if (started && pending.compareAndSet(false, true)) {
            dispatch.execute(this::round);
        }
    }

    private void round() {
        pending.set(false);
        try {
            for (UUID id : queue.active()) {
                submit(id);
            }
            for (UUID id : queue.claim(config.maxParallel())) {
                submit(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "dispatching deployments failed; retrying on the next tick");
        }
    }

    private void submit(UUID id) {
        if (!driving.add(id)) {
            return;
        }
        workers.execute(() -> {
            try {
                runner.drive(id);
                driving.remove(id);
                wake();
            } catch (RuntimeException e) {
                // no immediate wake: a persistent failure (database down) is retried by the tick, not in a loop
                driving.remove(id);
                LOG.errorf(e, "deployment %s stopped unexpectedly; it is resumed on the next tick", id);
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        dispatch.shutdownNow();
        // not interrupted: a step cut short here is a crash like any other, handled by the rule at the next start
        workers.shutdown();
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
