package org.offops.storage.exec;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.store.ReplicationStatus;
import org.offops.storage.store.StorageAlarms;

/** Checks lag per route and snapshot count per dataset against the thresholds and raises alarms on crossings. */
@ApplicationScoped
public class AlarmWatch {

    private final ReplicationStatus status;
    private final StorageAlarms alarms;

    public AlarmWatch(ReplicationStatus status, StorageAlarms alarms) {
        this.status = status;
        this.alarms = alarms;
    }

    @Scheduled(every = "${offops.storage.alarm-check:1m}", delayed = "30s")
    @ActivateRequestContext
    void scheduled() {
        check(Instant.now());
    }

    /** Returns how many alarms this check raised. */
    @ActivateRequestContext
    public int check(Instant now) {
        ReplicationStatus.Report report = status.report(now);
        int raised = 0;
        for (ReplicationStatus.RouteLag lag : report.routes()) {
            DatasetRef target = DatasetRef.parse(lag.target());
            raised += alarms.observe(StorageAlarms.LAG, target.server(), target.dataset(), lag.alarm(),
                    lag.lagSeconds(), report.lagThresholdSeconds()) ? 1 : 0;
        }
        for (ReplicationStatus.DatasetCount count : report.datasets()) {
            DatasetRef dataset = DatasetRef.parse(count.dataset());
            raised += alarms.observe(StorageAlarms.COUNT, dataset.server(), dataset.dataset(), count.alarm(),
                    count.snapshots(), report.countThreshold()) ? 1 : 0;
        }
        return raised;
    }
}
