package org.offops.storage.domain.replication;

import java.util.List;

/** What one side of a route holds: whether the dataset exists, its snapshots (oldest first), a resume token. */
public record DatasetState(boolean exists, List<ReplicaSnapshot> snapshots, String resumeToken) {

    public DatasetState {
        snapshots = List.copyOf(snapshots);
    }

    public static DatasetState absent() {
        return new DatasetState(false, List.of(), null);
    }

    public boolean resumable() {
        return resumeToken != null && !resumeToken.isBlank() && !resumeToken.equals("-");
    }
}
