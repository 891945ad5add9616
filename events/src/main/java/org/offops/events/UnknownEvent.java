package org.offops.events;

import com.fasterxml.jackson.databind.JsonNode;

/** What a consumer receives for an event type this build does not know: carried through untouched, never a crash. */
public record UnknownEvent(String type, JsonNode data) implements OffopsEvent {
}
