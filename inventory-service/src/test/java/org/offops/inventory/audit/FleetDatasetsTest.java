package org.offops.inventory.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offops.inventory.audit.AuditTestEvents.STORED;
import static org.offops.inventory.audit.AuditTestEvents.awaitStored;
import static org.offops.inventory.audit.AuditTestEvents.event;
import static org.offops.inventory.audit.AuditTestEvents.fleet;
import static org.offops.inventory.audit.AuditTestEvents.publish;
import static org.offops.inventory.audit.AuditTestEvents.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.storage.SnapshotReplicated;
import org.offops.events.storage.SnapshotTaken;
import org.offops.testkit.OffopsTestResource;

/** GET /fleet datasets from events alone: newest snapshot and the replication lag of each target. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class FleetDatasetsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    @Test
    void fleetViewShowsReplicationLagPerDataset() {
        String dataset = unique("rpool/off/products");
        String subject = "dataset/off2:" + dataset;
        EventEnvelope older = publish(event(subject, null, "scheduler", NOW.minusHours(2),
                new SnapshotTaken("off2", dataset, "autosnap_older", "hourly", NOW.minusHours(2))));
        EventEnvelope newer = event(subject, null, "scheduler", NOW.minusHours(1),
                new SnapshotTaken("off2", dataset, "autosnap_newer", "hourly", NOW.minusHours(1)));
        EventEnvelope newest = event(subject, null, "scheduler", NOW.minusMinutes(5),
                new SnapshotTaken("off2", dataset, "autosnap_newest", "hourly", NOW.minusMinutes(5)));
        EventEnvelope sentNewer = event(subject, null, "scheduler", NOW.minusMinutes(50),
                new SnapshotReplicated("off2", dataset, "ovh3", "rpool/backups/" + dataset, "autosnap_newer", 1L << 20,
                        4_000L, true));
        EventEnvelope sentOlder = event(subject, null, "scheduler", NOW.minusMinutes(100),
                new SnapshotReplicated("off2", dataset, "ovh3", "rpool/backups/" + dataset, "autosnap_older", 1L << 20,
                        4_000L, true));
        // The replication arrives before the SnapshotTaken it refers to, and an older replication arrives last.
        List<EventEnvelope> all = List.of(older, publish(sentNewer), publish(newer), publish(newest), publish(sentOlder));
        awaitStored(all);

        JsonPath d = fleet("datasets", "dataset", dataset);
        assertEquals("off2", d.getString("server"));
        assertEquals("autosnap_newest", d.getString("lastSnapshot"));
        assertEquals("autosnap_newer", d.getString("replicas[0].snapshot"));
        assertEquals("ovh3", d.getString("replicas[0].targetServer"));
        long lag = d.getLong("replicas[0].lagSeconds");
        assertTrue(lag >= 3600 && lag < 3600 + STORED.toSeconds() + 60, "lag of the newer snapshot, was " + lag);
        assertEquals(lag, d.getLong("replicationLagSeconds"));
        assertNull(fleet("datasets", "dataset", unique("rpool/none")).get("server"));
    }
}
