package org.offops.storage.domain.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the container mount points that a {@code zfs rename} of a dataset would pull the ground from: every mpN of
 * every container on the server (offops' own or not) whose host path belongs to the dataset or a dataset under it.
 * A path belongs to the filesystem with the longest mountpoint containing it (a child with its own mountpoint
 * owns its subtree); bind mounts are not recursive, so mounting a parent directory does not count.
 */
public final class RenameGuard {

    private RenameGuard() {
    }

    /** @param mountpoints every filesystem of the server and its mountpoint ({@code zfs list -o name,mountpoint}) */
    public static List<MountedUse> uses(String dataset, Map<String, String> mountpoints,
                                        List<ContainerMounts> containers) {
        List<MountedUse> uses = new ArrayList<>();
        for (ContainerMounts c : containers) {
            for (MountPoint m : c.mounts()) {
                if (!m.isBind()) {
                    continue;
                }
                String owner = owner(MountPaths.trimSlash(m.hostPath()), mountpoints);
                if (owner != null && (owner.equals(dataset) || owner.startsWith(dataset + "/"))) {
                    uses.add(new MountedUse(c.vmid(), c.name(), c.running(), owner, m));
                }
            }
        }
        return uses;
    }

    /**
     * The mpN values that make stopped containers' mounts follow the rename: the owner's new mountpoint (read after
     * the rename) plus the same path below it. Unchanged when the mountpoint did not move (a local mountpoint
     * property survives a rename); left out when the renamed filesystem has no mountpoint.
     */
    public static List<MountedUse> repoint(List<MountedUse> uses, String from, String to, Map<String, String> before,
                                           Map<String, String> after) {
        List<MountedUse> moved = new ArrayList<>();
        for (MountedUse u : uses) {
            String oldMp = before.get(u.owner());
            String newMp = after.get(to + u.owner().substring(from.length()));
            if (oldMp == null || newMp == null || !newMp.startsWith("/") || oldMp.equals(newMp)) {
                continue;
            }
            MountPoint m = u.mount();
            String host = newMp + MountPaths.trimSlash(m.hostPath()).substring(oldMp.length());
            moved.add(new MountedUse(u.vmid(), u.container(), u.running(), u.owner(),
                    new MountPoint(m.slot(), host, m.containerPath(), m.options())));
        }
        return moved;
    }

    static String owner(String path, Map<String, String> mountpoints) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> fs : mountpoints.entrySet()) {
            String mp = fs.getValue();
            if (!mp.startsWith("/")) {
                continue; // none, legacy, -: not mounted where zfs says
            }
            boolean holds = path.equals(mp) || mp.equals("/") || MountPaths.inside(path, mp);
            if (holds && mp.length() > bestLength) {
                best = fs.getKey();
                bestLength = mp.length();
            }
        }
        return best;
    }
}
