package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** syncoid sent {@code snapshot} from the source dataset to the target dataset; {@code bytes} is the stream size. */
public record SnapshotReplicated(
        String sourceServer,
        String sourceDataset,
        String targetServer,
        String targetDataset,
        String snapshot,
        long bytes,
        long durationMs,
        boolean incremental) implements OffopsEvent {

    public static final String TYPE = "offops.storage.SnapshotReplicated";
}
