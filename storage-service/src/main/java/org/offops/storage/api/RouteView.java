package org.offops.storage.api;

/** A replication route as the API shows it. */
public record RouteView(long id, String source, String target, boolean recursive, String options) {
}
