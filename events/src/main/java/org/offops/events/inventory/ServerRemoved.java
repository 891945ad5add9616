package org.offops.events.inventory;

import org.offops.events.OffopsEvent;

/** A Proxmox host was removed from the inventory. */
public record ServerRemoved(String name) implements OffopsEvent {

    public static final String TYPE = "offops.inventory.ServerRemoved";
}
