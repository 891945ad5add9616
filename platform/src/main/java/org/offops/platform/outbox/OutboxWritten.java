package org.offops.platform.outbox;

/** Fired when a transaction wrote outbox rows, so the relay can publish them as soon as it commits. */
public record OutboxWritten(String topic) {
}
