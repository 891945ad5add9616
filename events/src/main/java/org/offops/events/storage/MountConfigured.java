package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/** A host path was bind-mounted into an LXC container at mount point {@code slot} (mp0, mp1, ...). */
public record MountConfigured(
        String server,
        int vmid,
        String container,
        String slot,
        String hostPath,
        String containerPath,
        boolean rebootRequired) implements OffopsEvent {

    public static final String TYPE = "offops.storage.MountConfigured";
}
