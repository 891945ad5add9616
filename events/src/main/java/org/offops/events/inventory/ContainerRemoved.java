package org.offops.events.inventory;

import org.offops.events.OffopsEvent;

/** An LXC container was removed from the inventory of {@code server}. */
public record ContainerRemoved(String name, String server) implements OffopsEvent {

    public static final String TYPE = "offops.inventory.ContainerRemoved";
}
