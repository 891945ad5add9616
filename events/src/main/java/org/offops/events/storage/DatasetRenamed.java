package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** A ZFS dataset was renamed (or moved under another parent) on its server with {@code zfs rename}. */
public record DatasetRenamed(
        String server,
        String from,
        String to) implements OffopsEvent {

    public static final String TYPE = "offops.storage.DatasetRenamed";
}
