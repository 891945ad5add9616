package org.offops.network.domain;

/** One reason a link is refused, naming the request field at fault. */
public record LinkViolation(String field, String message) {
}
