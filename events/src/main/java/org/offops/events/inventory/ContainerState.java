package org.offops.events.inventory;

import java.util.List;

/**
 * An LXC container on a Proxmox host, e.g. the Product Opener container of a flavor (off, obf, opf, opff, off-pro);
 * {@code hostKey} is the SHA256 fingerprint of its SSH host key, pinned by whoever connects (added later: may be null).
 */
public record ContainerState(
        int vmid,
        String name,
        String server,
        String kind,
        String flavor,
        String internalIp,
        String sshHost,
        int sshPort,
        List<String> services,
        String hostKey) {

    public ContainerState {
        services = services == null ? null : List.copyOf(services);
    }
}
