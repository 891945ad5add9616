package org.offops.inventory.domain.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What one event says about the fleet, as data; the store applies a fact only if its stamp is newer. */
public sealed interface FleetFact {

    Stamp stamp();

    /** Event time and id: facts are ordered by (time, eventId), so ties between events resolve the same everywhere. */
    record Stamp(OffsetDateTime time, UUID eventId) {
    }

    /** A container's inventory entry: registered or updated ({@code present}) or removed. */
    record ContainerSeen(String name, String server, String flavor, Integer vmid, boolean present, Stamp stamp)
            implements FleetFact {
    }

    /** The release a container runs now, after a successful deployment or a rollback. */
    record ReleaseRunning(String container, String tag, Stamp stamp) implements FleetFact {
    }

    /** How the last deployment to a container ended: succeeded, failed or rolled-back. */
    record DeployOutcome(String container, String result, String tag, String deploymentId, Stamp stamp)
            implements FleetFact {
    }

    /** A snapshot exists on the source, taken at {@code createdAt}. */
    record SnapshotSeen(String server, String dataset, String snapshot, OffsetDateTime createdAt, Stamp stamp)
            implements FleetFact {
    }

    /** A snapshot now exists on a replication target. */
    record SnapshotSent(String sourceServer, String sourceDataset, String targetServer, String targetDataset,
                        String snapshot, Stamp stamp) implements FleetFact {
    }
}
