package org.offops.storage.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.storage.domain.mount.ContainerMounts;
import org.offops.storage.domain.mount.MountPlan;
import org.offops.storage.domain.mount.MountPoint;

/** The pct and zfs command lines of mounts and renames, built from validated words, and their output parsers. */
public final class MountCommands {

    private MountCommands() {
    }

    /** Where the dataset is mounted and whether it is: binding an unmounted mountpoint binds an empty directory. */
    public static RemoteCommand mountpoint(String dataset) {
        return RemoteCommand.of("zfs", "get", "-H", "-o", "property,value", "mountpoint,mounted",
                Names.zfsDataset(dataset));
    }

    public static RemoteCommand filesystems() {
        return RemoteCommand.of("zfs", "list", "-H", "-o", "name,mountpoint", "-t", "filesystem");
    }

    public static RemoteCommand rename(String from, String to) {
        return RemoteCommand.of("zfs", "rename", Names.zfsDataset(from), Names.zfsDataset(to));
    }

    public static RemoteCommand status(int vmid) {
        return RemoteCommand.of("pct", "status", Integer.toString(vmid));
    }

    public static RemoteCommand config(int vmid) {
        return RemoteCommand.of("pct", "config", Integer.toString(vmid));
    }

    public static RemoteCommand list() {
        return RemoteCommand.of("pct", "list");
    }

    /** One {@code pct set} for the whole plan (so a re-slot never leaves two mounts on one slot), or null. */
    public static RemoteCommand set(int vmid, MountPlan plan) {
        if (plan.set().isEmpty() && plan.delete().isEmpty()) {
            return null;
        }
        List<String> args = new ArrayList<>(List.of("set", Integer.toString(vmid)));
        for (MountPoint m : plan.set()) {
            args.add("-" + m.key());
            args.add(m.value());
        }
        if (!plan.delete().isEmpty()) {
            args.add("-delete");
            args.add(String.join(",", plan.delete().stream().map(s -> "mp" + s).toList()));
        }
        return new RemoteCommand("pct", args);
    }

    /** Points one mpN at a new host path (a stopped container following a rename). */
    public static RemoteCommand repoint(int vmid, MountPoint mount) {
        return RemoteCommand.of("pct", "set", Integer.toString(vmid), "-" + mount.key(), mount.value());
    }

    /** {@code zfs list -H -o name,mountpoint} (name → mountpoint) or {@code zfs get -o property,value}. */
    public static Map<String, String> parseFilesystems(String output) {
        Map<String, String> fs = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                fs.put(f[0], f[1]);
            }
        }
        return fs;
    }

    /** {@code pct list}: vmid → [status, name] (the Lock column may be empty). */
    public static Map<Integer, String[]> parseList(String output) {
        Map<Integer, String[]> cts = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 3 && f[0].matches("\\d+")) {
                cts.put(Integer.parseInt(f[0]), new String[] {f[1], f[f.length - 1]});
            }
        }
        return cts;
    }

    static ContainerMounts container(int vmid, String[] listed, List<MountPoint> mounts) {
        return new ContainerMounts(vmid, listed[1], "running".equals(listed[0]), mounts);
    }
}
