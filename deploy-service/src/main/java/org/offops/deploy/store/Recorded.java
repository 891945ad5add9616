package org.offops.deploy.store;

/** What remembering a delivery did: the event it carries (if any) and whether this delivery was seen before. */
public record Recorded(String eventId, boolean duplicate) {
}
