package org.offops.inventory.store.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.offops.inventory.domain.audit.FleetView;
import org.offops.inventory.domain.audit.FleetView.ContainerView;
import org.offops.inventory.domain.audit.FleetView.DatasetView;
import org.offops.inventory.domain.audit.FleetView.LastDeploy;
import org.offops.inventory.domain.audit.FleetView.ReplicaView;

/** Reads the fleet view: registered containers, and every dataset known from snapshots or replications. */
@ApplicationScoped
public class FleetViewReader {

    private static final String CONTAINERS = """
            select name, server, flavor, vmid, release_tag, deploy_result, deploy_tag, deploy_id, deploy_time
            from audit_fleet_container where present order by name""";
    // A dataset may be known only as a replication source (its snapshots taken before the journal started).
    private static final String DATASETS = """
            select coalesce(d.server, r.source_server), coalesce(d.dataset, r.source_dataset), d.last_snapshot,
                   d.last_snapshot_at, r.target_server, r.target_dataset, r.snapshot, r.snapshot_at
            from audit_fleet_dataset d
            full join audit_fleet_replica r on r.source_server = d.server and r.source_dataset = d.dataset
            order by 1, 2, 5, 6""";

    private final DataSource dataSource;

    public FleetViewReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public FleetView read(OffsetDateTime now) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<ContainerView> containers = new ArrayList<>();
            try (ResultSet r = s.executeQuery(CONTAINERS)) {
                while (r.next()) {
                    LastDeploy last = r.getString(6) == null ? null : new LastDeploy(r.getString(6), r.getString(7),
                            r.getString(8), r.getObject(9, OffsetDateTime.class));
                    containers.add(new ContainerView(r.getString(1), r.getString(2), r.getString(3),
                            (Integer) r.getObject(4), r.getString(5), last));
                }
            }
            return new FleetView(now, containers, datasets(s, now));
        } catch (SQLException e) {
            throw new AuditStoreException(e);
        }
    }

    private static List<DatasetView> datasets(Statement s, OffsetDateTime now) throws SQLException {
        Map<String, DatasetView> byKey = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery(DATASETS)) {
            while (r.next()) {
                String key = r.getString(1) + "\n" + r.getString(2);
                DatasetView dataset = byKey.get(key);
                if (dataset == null) {
                    dataset = new DatasetView(r.getString(1), r.getString(2), r.getString(3),
                            r.getObject(4, OffsetDateTime.class), null, new ArrayList<>());
                    byKey.put(key, dataset);
                }
                if (r.getString(5) != null) {
                    OffsetDateTime snapshotAt = r.getObject(8, OffsetDateTime.class);
                    dataset.replicas().add(new ReplicaView(r.getString(5), r.getString(6), r.getString(7), snapshotAt,
                            snapshotAt == null ? null : Duration.between(snapshotAt, now).toSeconds()));
                }
            }
        }
        return byKey.values().stream().map(FleetViewReader::withWorstLag).toList();
    }

    private static DatasetView withWorstLag(DatasetView d) {
        Long worst = d.replicas().stream().map(ReplicaView::lagSeconds).filter(lag -> lag != null)
                .max(Long::compare).orElse(null);
        return new DatasetView(d.server(), d.dataset(), d.lastSnapshot(), d.lastSnapshotAt(), worst,
                List.copyOf(d.replicas()));
    }
}
