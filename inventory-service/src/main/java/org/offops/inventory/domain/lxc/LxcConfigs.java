package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Building a container's configuration from inventory data: reading its mount points and adding the bind mounts a
 * storage flow needs ({@code mp4: /zfs-hdd/shop/images,mp=/mnt/shop/images}). Configurations are values: every
 * method returns a new one.
 */
public final class LxcConfigs {

    /** Characters Proxmox cannot store in a path of a property string, or that offops refuses in one. */
    private static final Pattern UNSAFE_PATH = Pattern.compile("[,\\s\\p{Cntrl}]");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.\\.?(/|$)");
    private static final Pattern VOLUME_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*:[^,=\\s]+");

    private LxcConfigs() {
    }

    /** The main section's mount points, by slot. */
    public static List<LxcMountPoint> mountPointsOf(LxcConfig config) {
        return config.mountPoints();
    }

    /**
     * The lowest {@code mpN} slot that is free in the main section and in {@code [pve:pending]} (a mount point
     * waiting to be applied takes its slot); snapshots do not count.
     *
     * @throws IllegalStateException when all {@value LxcMountPoint#MAX_SLOT} + 1 slots are taken
     */
    public static int nextFreeMountSlot(LxcConfig config) {
        Set<Integer> used = usedSlots(config);
        for (int slot = 0; slot <= LxcMountPoint.MAX_SLOT; slot++) {
            if (!used.contains(slot)) {
                return slot;
            }
        }
        throw new IllegalStateException("every mount point slot (mp0 to mp" + LxcMountPoint.MAX_SLOT + ") is taken");
    }

    /** {@link #withMountPoint(LxcConfig, int, String, String, Map)} in the {@link #nextFreeMountSlot lowest free slot}. */
    public static LxcConfig withMountPoint(LxcConfig config, String hostPath, String containerPath, Map<String, String> options) {
        return withMountPoint(config, nextFreeMountSlot(config), hostPath, containerPath, options);
    }

    /**
     * A copy of {@code config} with {@code mp<slot>: <hostPath>,mp=<containerPath>[,<options sorted by key>]} in its
     * main section, placed where Proxmox would write it (keys in text order: after {@code mp2}, before {@code net0};
     * raw {@code lxc.*} lines stay last), so that the file Proxmox writes back after a {@code pct set} does not differ.
     *
     * @param hostPath      a host directory ({@code /zfs-hdd/off/images}) or a storage volume ({@code storage:volume})
     * @param containerPath absolute path inside the container
     * @param options       extra options ({@code backup=0}, {@code ro=1}, {@code replicate=0}, {@code shared=1}, ...)
     * @throws IllegalArgumentException when the slot is taken, the container path is already mounted, or a path or
     *                                  option cannot be written into a Proxmox property string
     */
    public static LxcConfig withMountPoint(LxcConfig config, int slot, String hostPath, String containerPath,
            Map<String, String> options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
        Objects.requireNonNull(options, "options");
        checkSource(hostPath);
        checkPath("container path", containerPath);
        if (containerPath.equals("/")) {
            throw new IllegalArgumentException("container path / is the rootfs, not a mount point");
        }
        if (usedSlots(config).contains(slot)) {
            throw new IllegalArgumentException("mp" + slot + " is already used");
        }
        for (LxcMountPoint existing : config.mountPoints()) {
            if (stripSlash(existing.containerPath()).equals(stripSlash(containerPath))) {
                throw new IllegalArgumentException(containerPath + " is already mounted by " + existing.key());
            }
        }
        List<LxcOption> extra = new ArrayList<>();
        options.forEach((key, value) -> extra.add(new LxcOption(key, value)));
        LxcMountPoint mount = new LxcMountPoint(slot, hostPath, containerPath, extra);
        LxcLine.Property line = LxcLine.Property.of(mount.key(), mount.value());

        List<LxcLine> lines = new ArrayList<>(config.main().lines());
        lines.add(insertionIndex(lines, line.key()), line);
        return config.withSection(config.main().withLines(lines));
    }

    /** A copy of {@code config} without {@code mp<slot>} in its main section (unchanged if there is none). */
    public static LxcConfig withoutMountPoint(LxcConfig config, int slot) {
        String key = "mp" + slot;
        List<LxcLine> lines = new ArrayList<>(config.main().lines());
        boolean removed = lines.removeIf(l -> l instanceof LxcLine.Property p && p.key().equals(key));
        return removed ? config.withSection(config.main().withLines(lines)) : config;
    }

    /**
     * Where Proxmox's writer would put {@code key}: its keys are sorted as text, raw {@code lxc.*} lines come after
     * them, comments before them.
     */
    static int insertionIndex(List<LxcLine> lines, String key) {
        int afterLastKey = -1;
        int firstRaw = -1;
        int afterLastComment = 0;
        for (int i = 0; i < lines.size(); i++) {
            LxcLine line = lines.get(i);
            if (line instanceof LxcLine.Property p) {
                if (p.isRawLxc()) {
                    if (firstRaw < 0) {
                        firstRaw = i;
                    }
                } else if (p.key().compareTo(key) > 0) {
                    return i;
                } else {
                    afterLastKey = i + 1;
                }
            } else if (line instanceof LxcLine.Comment && afterLastKey < 0 && firstRaw < 0) {
                afterLastComment = i + 1;
            }
        }
        if (afterLastKey >= 0) {
            return afterLastKey;
        }
        return firstRaw >= 0 ? firstRaw : afterLastComment;
    }

    private static Set<Integer> usedSlots(LxcConfig config) {
        Set<Integer> used = new HashSet<>();
        List<LxcSection> live = new ArrayList<>();
        live.add(config.main());
        config.pending().ifPresent(live::add);
        for (LxcSection section : live) {
            for (LxcLine.Property p : section.properties()) {
                int slot = LxcMountPoint.slotOf(p.key());
                if (slot >= 0) {
                    used.add(slot);
                }
            }
        }
        return used;
    }

    private static void checkSource(String source) {
        if (source.startsWith("/")) {
            checkPath("host path", source);
            if (source.indexOf('=') >= 0) {
                throw new IllegalArgumentException("host path must not contain '=': " + source);
            }
        } else if (!VOLUME_ID.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be an absolute host path or a storage volume (storage:volume), got "
                    + source);
        }
    }

    private static void checkPath(String what, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be absolute, got " + path);
        }
        if (UNSAFE_PATH.matcher(path).find()) {
            throw new IllegalArgumentException(what + " must not contain commas, blanks or control characters: " + path);
        }
        if (DOT_SEGMENT.matcher(path).find()) {
            throw new IllegalArgumentException(what + " must not contain . or .. segments: " + path);
        }
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
