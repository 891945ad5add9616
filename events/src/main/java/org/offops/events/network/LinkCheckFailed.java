package org.offops.events.network;

import org.offops.events.OffopsEvent;

/** A connectivity check through an stunnel link failed. */
public record LinkCheckFailed(String linkId, String name, String error, String stunnelLogTail) implements OffopsEvent {

    public static final String TYPE = "offops.network.LinkCheckFailed";
}
