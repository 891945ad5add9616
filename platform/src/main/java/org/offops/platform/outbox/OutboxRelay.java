package org.offops.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Publishes committed outbox rows to Kafka, oldest first, and marks them sent only once Kafka acknowledged them. */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final boolean enabled;
    private final int batchSize;
    private final long pollMillis;
    private final Object wakeUp = new Object();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile Thread worker;
    private volatile boolean pending;

    public OutboxRelay(OutboxStore store, OutboxPublisher publisher,
                       @ConfigProperty(name = "offops.outbox.relay.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "offops.outbox.relay.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "offops.outbox.relay.poll-ms", defaultValue = "500") long pollMillis) {
        this.store = store;
        this.publisher = publisher;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.pollMillis = pollMillis;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        synchronized (wakeUp) {
            pending = true;
            wakeUp.notifyAll();
        }
    }

    public synchronized void start() {
        if (worker == null) {
            worker = new Thread(this::loop, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Stops after the batch in flight; rows it did not mark are published again by the next relay. */
    public synchronized void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean running() {
        return worker != null;
    }

    public String lastError() {
        return lastError.get();
    }

    /** Publishes one batch; returns how many rows it published (0 when idle or when another replica holds the lease). */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!store.tryLease()) {
                return 0;
            }
            List<PendingEvent> batch = store.oldestUnsent(batchSize);
            if (!batch.isEmpty()) {
                publisher.publishAll(batch);
                store.markSent(batch);
            }
            return batch.size();
        });
    }

    private void loop() {
        while (worker == Thread.currentThread()) {
            try {
                int published = relayOnce();
                lastError.set(null);
                if (published < batchSize) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                if (worker != Thread.currentThread()) {
                    return;
                }
                lastError.set(e.getMessage());
                LOG.warnf("outbox relay: publishing failed, retrying: %s", e.getMessage());
                sleepQuietly(Math.max(pollMillis, 1000));
            }
        }
    }

    private void awaitWork() {
        synchronized (wakeUp) {
            if (!pending) {
                try {
                    wakeUp.wait(pollMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pending = false;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
