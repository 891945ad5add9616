package org.offops.events.inventory;

import org.offops.events.OffopsEvent;

/** An LXC container's inventory entry changed; carries the full new state. */
public record ContainerUpdated(ContainerState container) implements OffopsEvent {

    public static final String TYPE = "offops.inventory.ContainerUpdated";
}
