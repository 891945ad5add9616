package org.offops.storage.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.offops.storage.store.ReplicationStatus;

/** Prometheus gauges for replication lag per route and snapshot count per dataset, refreshed every 30 s. */
@ApplicationScoped
public class StorageGauges {

    private final MeterRegistry registry;
    private final ReplicationStatus status;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public StorageGauges(MeterRegistry registry, ReplicationStatus status) {
        this.registry = registry;
        this.status = status;
    }

    @Scheduled(every = "30s", delayed = "5s")
    @ActivateRequestContext
    void refresh() {
        ReplicationStatus.Report report = status.report(Instant.now());
        report.routes().forEach(r -> gauge("offops_storage_replication_lag_seconds", "route", r.source() + "->"
                + r.target()).set(r.lagSeconds()));
        report.datasets().forEach(d -> gauge("offops_storage_snapshots", "dataset", d.dataset()).set(d.snapshots()));
    }

    private AtomicLong gauge(String name, String tag, String value) {
        return values.computeIfAbsent(name + "|" + value, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).tag(tag, value).register(registry);
            return holder;
        });
    }
}
