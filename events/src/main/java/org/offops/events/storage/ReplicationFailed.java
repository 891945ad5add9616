package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** A syncoid run failed; {@code diverged} means the target has no common snapshot left and needs a full resend. */
public record ReplicationFailed(
        String sourceServer,
        String sourceDataset,
        String targetServer,
        String targetDataset,
        int attempt,
        boolean diverged,
        String error) implements OffopsEvent {

    public static final String TYPE = "offops.storage.ReplicationFailed";
}
