package org.offops.storage.domain.route;

/** Why a proposed storage change is refused, naming the request field at fault. */
public record Violation(String field, String message) {
}
