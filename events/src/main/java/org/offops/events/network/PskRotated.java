package org.offops.events.network;

import org.offops.events.OffopsEvent;

/** The pre-shared key of an stunnel link was replaced; only its public identity is announced. */
public record PskRotated(String linkId, String name, String identity) implements OffopsEvent {

    public static final String TYPE = "offops.network.PskRotated";
}
