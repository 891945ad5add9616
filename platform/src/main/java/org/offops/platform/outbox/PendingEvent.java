package org.offops.platform.outbox;

/** An outbox row not yet acknowledged by Kafka. */
public record PendingEvent(long seq, String topic, String key, String payload) {
}
