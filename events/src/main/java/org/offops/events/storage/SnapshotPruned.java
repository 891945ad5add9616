package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** A ZFS snapshot was destroyed, e.g. by sanoid's retention policy. */
public record SnapshotPruned(String server, String dataset, String snapshot, String reason) implements OffopsEvent {

    public static final String TYPE = "offops.storage.SnapshotPruned";
}
