package org.offops.storage.store;

/** CDI event: a snapshot and its SnapshotTaken were recorded; observers act once the transaction has committed. */
public record SnapshotRecorded(long datasetId, String snapshot, String correlationId) {
}
