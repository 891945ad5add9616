package org.offops.storage.domain.snapshot;

/** A snapshot of one dataset: its short name (after '@') and ZFS creation time in epoch seconds. */
public record Snapshot(String name, long creation) {
}
