package org.offops.storage.domain.clone;

/** A Proxmox container's bind mount ({@code mpN}) of a host path, and whether the container is running now. */
public record ContainerMount(int vmid, String hostPath, boolean running) {

    /** True when this mount shows {@code mountpoint} or something inside it. */
    public boolean shows(String mountpoint) {
        if (mountpoint == null || !mountpoint.startsWith("/")) {
            return false;
        }
        String path = hostPath.endsWith("/") && hostPath.length() > 1 ? hostPath.substring(0, hostPath.length() - 1)
                : hostPath;
        return path.equals(mountpoint) || path.startsWith(mountpoint + "/");
    }
}
