package org.offops.inventory.domain;

/** A datacenter hosting Proxmox servers, e.g. Free (off1, off2) or OVH (ovh1..3). */
public record Datacenter(String name, String description) {
}
