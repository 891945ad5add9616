package org.offops.events.inventory;

import org.offops.events.OffopsEvent;

/** A Proxmox host was added to the inventory. */
public record ServerRegistered(ServerState server) implements OffopsEvent {

    public static final String TYPE = "offops.inventory.ServerRegistered";
}
