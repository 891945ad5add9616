package org.offops.storage.api;

/** A route: {@code source} and {@code target} as {@code server:dataset}; the target's server pulls. */
public record RouteRequest(String source, String target, Boolean recursive) {
}
