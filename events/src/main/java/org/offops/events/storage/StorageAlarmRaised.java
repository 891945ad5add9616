package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** A storage metric crossed its threshold; {@code alarm} is e.g. replication-lag (seconds) or snapshot-count. */
public record StorageAlarmRaised(
        String alarm,
        String server,
        String dataset,
        long value,
        long threshold) implements OffopsEvent {

    public static final String TYPE = "offops.storage.StorageAlarmRaised";
}
