package org.offops.storage.store;

/** CDI event: a pull and its SnapshotReplicated were recorded for the target dataset; observers act after commit. */
public record ReplicaRecorded(long targetDatasetId, String snapshot, String correlationId) {
}
