package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Bounds concurrent pulls per host (as sender and as receiver), and counts the sessions open at the peak. */
@ApplicationScoped
public class HostSlots {

    private final int perHost;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Map<String, long[]> lastStart = new ConcurrentHashMap<>();

    public HostSlots(@ConfigProperty(name = "offops.storage.replication.per-host", defaultValue = "2") int perHost) {
        this.perHost = perHost;
    }

    /** Runs {@code work} holding one slot on each host; hosts are taken in name order so two pulls never deadlock. */
    public <T> T with(String source, String target, Supplier<T> work) throws InterruptedException {
        Semaphore first = slot(source.compareTo(target) <= 0 ? source : target);
        Semaphore second = slot(source.compareTo(target) <= 0 ? target : source);
        first.acquire();
        try {
            if (second != first) {
                second.acquire();
            }
            try {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                return work.get();
            } finally {
                running.decrementAndGet();
                if (second != first) {
                    second.release();
                }
            }
        } finally {
            first.release();
        }
    }

    /**
     * Waits until no other syncoid against this source started in the same second: syncoid 2.1.0 names its ssh
     * control socket /tmp/syncoid-&lt;user@host&gt;-&lt;epoch second&gt;, so two pulls from one source started in
     * the same second share a socket and one fails ("CRITICAL ERROR: ssh ... -S /tmp/syncoid-...").
     */
    public void startGate(String source) throws InterruptedException {
        long[] last = lastStart.computeIfAbsent(source, s -> new long[1]);
        synchronized (last) {
            long wait = last[0] + 1100 - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            last[0] = System.currentTimeMillis();
        }
    }

    public int perHost() {
        return perHost;
    }

    /** The most pulls that ran at once since the last reset. */
    public int peak() {
        return peak.get();
    }

    public void resetPeak() {
        peak.set(running.get());
    }

    private Semaphore slot(String host) {
        return slots.computeIfAbsent(host, h -> new Semaphore(perHost, true));
    }
}
