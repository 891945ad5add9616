package org.offops.inventory.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** The fleet built from events: containers with their release and last deployment, datasets with replication lag. */
public record FleetView(OffsetDateTime asOf, List<ContainerView> containers, List<DatasetView> datasets) {

    /** A registered container; {@code release} is null until a deployment to it succeeded or rolled back. */
    public record ContainerView(String name, String server, String flavor, Integer vmid, String release,
                                LastDeploy lastDeploy) {
    }

    /** The outcome of the newest finished deployment to a container. */
    public record LastDeploy(String result, String tag, String deploymentId, OffsetDateTime time) {
    }

    /**
     * A dataset with its newest snapshot; {@code replicationLagSeconds} is the worst lag over its targets, null when
     * it has no known target.
     */
    public record DatasetView(String server, String dataset, String lastSnapshot, OffsetDateTime lastSnapshotAt,
                              Long replicationLagSeconds, List<ReplicaView> replicas) {
    }

    /**
     * One replication target: the newest snapshot it holds and its age ({@code lagSeconds} = now minus the time that
     * snapshot was taken; null while the snapshot's SnapshotTaken has not been seen).
     */
    public record ReplicaView(String targetServer, String targetDataset, String snapshot, OffsetDateTime snapshotAt,
                              Long lagSeconds) {
    }
}
