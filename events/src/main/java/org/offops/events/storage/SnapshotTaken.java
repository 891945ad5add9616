package org.offops.events.storage;

import java.time.OffsetDateTime;
import org.offops.events.OffopsEvent;

/** sanoid took a ZFS snapshot of {@code dataset} on {@code server}; {@code period} is hourly, daily, monthly, etc. */
public record SnapshotTaken(
        String server,
        String dataset,
        String snapshot,
        String period,
        OffsetDateTime createdAt) implements OffopsEvent {

    public static final String TYPE = "offops.storage.SnapshotTaken";
}
