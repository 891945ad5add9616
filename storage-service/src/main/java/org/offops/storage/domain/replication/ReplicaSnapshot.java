package org.offops.storage.domain.replication;

/** A snapshot as replication sees it: a received snapshot keeps its source's guid, so guids prove a common one. */
public record ReplicaSnapshot(String name, long guid, long creation) {
}
