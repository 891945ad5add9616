package org.offops.storage.exec;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Bounds concurrent pulls per host (as sender and as receiver), and counts the pulls running now and at the peak. */
@ApplicationScoped
public class HostSlots {

    private final int perHost;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public HostSlots(@ConfigProperty(name = "offops.storage.replication.per-host", defaultValue = "2") int perHost,
                     MeterRegistry registry) {
        this.perHost = perHost;
        // on /q/metrics so an operator (or the benchmark) sees how close pulls run to the limit
        Gauge.builder("offops_storage_replication_pulls_running", running, AtomicInteger::get).register(registry);
        Gauge.builder("offops_storage_replication_pulls_peak", peak, AtomicInteger::get).register(registry);
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
