package org.offops.events.inventory;

import org.offops.events.OffopsEvent;

/** An LXC container was added to the inventory. */
public record ContainerRegistered(ContainerState container) implements OffopsEvent {

    public static final String TYPE = "offops.inventory.ContainerRegistered";
}
