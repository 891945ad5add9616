package org.offops.storage.domain.route;

/** A replication route: the target server pulls {@code source} into {@code target} with syncoid semantics. */
public record Route(DatasetRef source, DatasetRef target, boolean recursive) {
}
