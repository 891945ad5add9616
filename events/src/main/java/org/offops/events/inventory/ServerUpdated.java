package org.offops.events.inventory;

import org.offops.events.OffopsEvent;

/** A Proxmox host's inventory entry changed; carries the full new state. */
public record ServerUpdated(ServerState server) implements OffopsEvent {

    public static final String TYPE = "offops.inventory.ServerUpdated";
}
