package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** Mount point {@code slot} (mp0, mp1, ...) of an LXC container was removed from its configuration. */
public record MountRemoved(
        String server,
        int vmid,
        String container,
        String slot,
        String hostPath,
        String containerPath,
        boolean rebootRequired) implements OffopsEvent {

    public static final String TYPE = "offops.storage.MountRemoved";
}
