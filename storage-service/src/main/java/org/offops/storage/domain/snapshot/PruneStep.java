package org.offops.storage.domain.snapshot;

/** One decision of a prune plan: {@code zfs destroy dataset@snapshot}, or a snapshot spared and why. */
public record PruneStep(String snapshot, String period, String reason) {
}
