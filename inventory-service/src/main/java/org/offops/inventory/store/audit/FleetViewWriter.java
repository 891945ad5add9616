package org.offops.inventory.store.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.offops.inventory.domain.audit.FleetFact;
import org.offops.inventory.domain.audit.FleetFact.ContainerSeen;
import org.offops.inventory.domain.audit.FleetFact.DeployOutcome;
import org.offops.inventory.domain.audit.FleetFact.ReleaseRunning;
import org.offops.inventory.domain.audit.FleetFact.SnapshotSeen;
import org.offops.inventory.domain.audit.FleetFact.SnapshotSent;

/**
 * Applies fleet facts to the audit_fleet_* tables. Every upsert is guarded by "(stored time, id) < (fact time, id)",
 * so facts may arrive in any order or several times and the newest one per part wins; the order of statements
 * within a batch therefore does not matter.
 */
@ApplicationScoped
public class FleetViewWriter {

    public void apply(Connection connection, List<FleetFact> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        try (Statements s = new Statements(connection)) {
            for (FleetFact fact : facts) {
                if (fact instanceof ContainerSeen f) {
                    s.add(s.container, f.name(), f.server(), f.flavor(), f.vmid(), f.present(), f.stamp());
                } else if (fact instanceof ReleaseRunning f) {
                    s.add(s.release, f.container(), f.tag(), f.stamp());
                } else if (fact instanceof DeployOutcome f) {
                    s.add(s.deploy, f.container(), f.result(), f.tag(), f.deploymentId(), f.stamp());
                } else if (fact instanceof SnapshotSeen f) {
                    s.add(s.dataset, f.server(), f.dataset(), f.snapshot(), f.createdAt(), f.stamp());
                    s.add(s.snapshot, f.server(), f.dataset(), f.snapshot(), f.createdAt());
                    // The replication may have been seen first: give its route the snapshot's time now.
                    s.add(s.backfill, f.createdAt(), f.server(), f.dataset(), f.snapshot());
                } else if (fact instanceof SnapshotSent f) {
                    s.add(s.replica, f.sourceServer(), f.sourceDataset(), f.targetServer(), f.targetDataset(),
                            f.snapshot(), f.stamp(), f.sourceServer(), f.sourceDataset(), f.snapshot());
                }
            }
            s.executeAll();
        }
    }

    /** The prepared upserts of one batch; each runs as one JDBC batch. */
    private static final class Statements implements AutoCloseable {
        final PreparedStatement container;
        final PreparedStatement release;
        final PreparedStatement deploy;
        final PreparedStatement dataset;
        final PreparedStatement snapshot;
        final PreparedStatement backfill;
        final PreparedStatement replica;
        private final List<PreparedStatement> all;

        Statements(Connection c) throws SQLException {
            container = c.prepareStatement(FleetSql.CONTAINER);
            release = c.prepareStatement(FleetSql.RELEASE);
            deploy = c.prepareStatement(FleetSql.DEPLOY);
            dataset = c.prepareStatement(FleetSql.DATASET);
            snapshot = c.prepareStatement(FleetSql.SNAPSHOT);
            backfill = c.prepareStatement(FleetSql.BACKFILL);
            replica = c.prepareStatement(FleetSql.REPLICA);
            all = List.of(container, release, deploy, dataset, snapshot, backfill, replica);
        }

        void add(PreparedStatement statement, Object... values) throws SQLException {
            int index = 1;
            for (Object value : values) {
                if (value instanceof FleetFact.Stamp stamp) {
                    statement.setObject(index++, stamp.time());
                    statement.setObject(index++, stamp.eventId());
                } else {
                    statement.setObject(index++, value);
                }
            }
            statement.addBatch();
        }

        void executeAll() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.close();
            }
        }
    }
}
