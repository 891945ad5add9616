package org.offops.storage.domain.mount;

/**
 * One {@code mpN} entry of a container's Proxmox config: {@code <volume>,mp=<container path>[,<options>]}. The
 * volume is a host path for a bind mount (or a storage volume such as {@code rpool:subvol-113-disk-1}); options
 * such as {@code backup=0} are kept verbatim so a re-slotted foreign mount keeps them.
 */
public record MountPoint(int slot, String hostPath, String containerPath, String options) {

    public MountPoint {
        options = options == null ? "" : options;
    }

    public String key() {
        return "mp" + slot;
    }

    /** The value {@code pct set <vmid> -mpN <value>} takes. */
    public String value() {
        return hostPath + ",mp=" + containerPath + (options.isEmpty() ? "" : "," + options);
    }

    public MountPoint atSlot(int newSlot) {
        return new MountPoint(newSlot, hostPath, containerPath, options);
    }

    public boolean isBind() {
        return hostPath.startsWith("/");
    }

    /** True when the two name the same host directory (Proxmox ignores a trailing slash on the volume). */
    public boolean sameHostPath(String other) {
        return MountPaths.trimSlash(hostPath).equals(MountPaths.trimSlash(other));
    }

    @Override
    public String toString() {
        return key() + " (" + hostPath + " -> " + containerPath + ")";
    }
}
