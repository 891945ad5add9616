package org.offops.storage.domain.replication;

import java.util.List;

/**
 * What one side of a route holds: whether the dataset exists, its snapshots (oldest first), a resume token, and the
 * bytes written since its newest snapshot (ZFS {@code written}).
 */
public record DatasetState(boolean exists, List<ReplicaSnapshot> snapshots, String resumeToken, long written) {

    public DatasetState {
        snapshots = List.copyOf(snapshots);
    }

    /** A side with nothing written since its newest snapshot. */
    public DatasetState(boolean exists, List<ReplicaSnapshot> snapshots, String resumeToken) {
        this(exists, snapshots, resumeToken, 0);
    }

    public static DatasetState absent() {
        return new DatasetState(false, List.of(), null);
    }

    public boolean resumable() {
        return resumeToken != null && !resumeToken.isBlank() && !resumeToken.equals("-");
    }
}
