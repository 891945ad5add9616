package org.offops.storage.domain.mount;

import java.util.List;

/** A container on a Proxmox server as {@code pct list} / {@code pct config} show it: vmid, name, state, mpN. */
public record ContainerMounts(int vmid, String name, boolean running, List<MountPoint> mounts) {

    public ContainerMounts {
        mounts = List.copyOf(mounts);
    }
}
