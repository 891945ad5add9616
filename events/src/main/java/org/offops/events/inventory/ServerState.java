package org.offops.events.inventory;

/**
 * A Proxmox host as the inventory knows it; {@code hostKey} is the SHA256 fingerprint of its SSH host key
 * (as {@code ssh-keygen -lf} prints it), pinned by whoever connects.
 */
public record ServerState(String name, String datacenter, String sshHost, int sshPort, String hostKey, String role) {
}
