package org.offops.events.network;

import org.offops.events.OffopsEvent;

/** An stunnel link between two hosts was (re)configured; the PSK itself never travels on the bus. */
public record StunnelLinkConfigured(
        String linkId,
        String name,
        String clientHost,
        String serverHost,
        String clientAccept,
        String serverAccept,
        String connect,
        String configCommit) implements OffopsEvent {

    public static final String TYPE = "offops.network.StunnelLinkConfigured";
}
