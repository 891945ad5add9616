package org.offops.platform.inbox;

import org.offops.events.EventEnvelope;

/** A consumer's business reaction to one event; runs inside the inbox transaction, at most once per event id. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
