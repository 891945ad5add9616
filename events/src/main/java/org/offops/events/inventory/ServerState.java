package org.offops.events.inventory;

/** A Proxmox host as the inventory knows it; {@code hostKey} is its public SSH host key, pinned for known_hosts. */
public record ServerState(String name, String datacenter, String sshHost, int sshPort, String hostKey, String role) {
}
