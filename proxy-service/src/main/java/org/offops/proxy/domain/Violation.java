package org.offops.proxy.domain;

/** A rule a proposed site or bot rule breaks, naming the field the API reports. */
public record Violation(String field, String message) {
}
