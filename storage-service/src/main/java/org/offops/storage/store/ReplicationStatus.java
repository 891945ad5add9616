package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.storage.domain.snapshot.PrunePlanner;
import org.offops.storage.domain.snapshot.Snapshot;

/** Lag per route and snapshot count per dataset from what offops knows, against production's alarm thresholds. */
@ApplicationScoped
public class ReplicationStatus {

    /** One route's lag: age of the newest snapshot present on the target. */
    public record RouteLag(long routeId, String source, String target, String newestOnTarget, long lagSeconds,
                           boolean alarm, ReplicationJournal.RouteState last) {
    }

    /** One dataset's snapshot count. */
    public record DatasetCount(long datasetId, String dataset, int snapshots, boolean alarm) {
    }

    /** The whole picture, with the thresholds used. */
    public record Report(long lagThresholdSeconds, int countThreshold, List<RouteLag> routes,
                         List<DatasetCount> datasets) {
    }

    private final StorageCatalog catalog;
    private final RouteCatalog routes;
    private final SnapshotLedger ledger;
    private final ReplicationJournal journal;
    private final long lagThreshold;
    private final int countThreshold;

    public ReplicationStatus(StorageCatalog catalog, RouteCatalog routes, SnapshotLedger ledger,
                             ReplicationJournal journal,
                             @ConfigProperty(name = "offops.storage.lag-alarm-seconds", defaultValue = "25200")
                             long lagThreshold,
                             @ConfigProperty(name = "offops.storage.count-alarm", defaultValue = "150")
                             int countThreshold) {
        this.catalog = catalog;
        this.routes = routes;
        this.ledger = ledger;
        this.journal = journal;
        this.lagThreshold = lagThreshold;
        this.countThreshold = countThreshold;
    }

    public Report report(Instant now) {
        List<RouteLag> lags = new ArrayList<>();
        for (RouteEntity r : routes.routes()) {
            var route = routes.toRoute(r);
            Optional<Snapshot> newest = ledger.snapshots(r.targetDataset).stream().reduce((a, b) -> b);
            long lag = newest.map(s -> now.getEpochSecond() - s.creation()).orElse(Long.MAX_VALUE);
            lags.add(new RouteLag(r.id, route.source().toString(), route.target().toString(),
                    newest.map(Snapshot::name).orElse(null), lag == Long.MAX_VALUE ? -1 : lag,
                    lag > lagThreshold, journal.state(r.id).orElse(null)));
        }
        List<DatasetCount> counts = new ArrayList<>();
        for (DatasetEntity d : catalog.datasets()) {
            int n = ledger.snapshots(d.id).size();
            counts.add(new DatasetCount(d.id, d.ref().toString(), n, n > countThreshold));
        }
        return new Report(lagThreshold, countThreshold, lags, counts);
    }

    /** Names retention must spare on this dataset: the newest snapshot it shares with each route partner. */
    public Set<String> newestCommon(DatasetEntity dataset) {
        Set<String> names = new HashSet<>();
        List<Snapshot> mine = ledger.snapshots(dataset.id);
        for (RouteEntity r : routes.routes()) {
            long partner = r.sourceDataset == dataset.id ? r.targetDataset
                    : r.targetDataset == dataset.id ? r.sourceDataset : -1;
            if (partner >= 0) {
                PrunePlanner.newestCommon(mine, ledger.snapshots(partner)).ifPresent(s -> names.add(s.name()));
            }
        }
        return names;
    }
}
