package org.offops.events.inventory;

import java.util.List;

/** An LXC container on a Proxmox host, e.g. the Product Opener container of a flavor (off, obf, opf, opff, off-pro). */
public record ContainerState(
        int vmid,
        String name,
        String server,
        String kind,
        String flavor,
        String internalIp,
        String sshHost,
        int sshPort,
        List<String> services) {

    public ContainerState {
        services = services == null ? null : List.copyOf(services);
    }
}
