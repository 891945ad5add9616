package org.offops.storage.domain.mount;

/**
 * A container mount point whose host path lies in a dataset about to be renamed: the container, whether it runs,
 * the filesystem that owns the path ({@code owner}: the dataset itself or one under it) and the mpN entry.
 */
public record MountedUse(int vmid, String container, boolean running, String owner, MountPoint mount) {

    public String slot() {
        return mount.key();
    }

    public String describe() {
        return (running ? "running" : "stopped") + " container " + container + " (vmid " + vmid + ") mounts "
                + mount.hostPath() + " as " + slot() + " at " + mount.containerPath();
    }
}
