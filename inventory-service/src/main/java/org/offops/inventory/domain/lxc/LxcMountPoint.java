package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code mpN} line: {@code mp3: /zfs-hdd/shop/images,mp=/mnt/shop/images,backup=0}.
 *
 * @param slot           N in {@code mpN}, 0 to {@value #MAX_SLOT}
 * @param source         what is mounted: a host path (bind mount, {@code /zfs-hdd/...}), a device ({@code /dev/...})
 *                       or a Proxmox storage volume ({@code zfs-nvme:subvol-120-disk-0})
 * @param containerPath  {@code mp=}: where it appears inside the container
 * @param options        every other option ({@code backup}, {@code ro}, {@code size}, {@code replicate},
 *                       {@code shared}, {@code mountoptions}, {@code acl}, {@code quota}, ...) in file order
 */
public record LxcMountPoint(int slot, String source, String containerPath, List<LxcOption> options) {

    /** Proxmox allows {@code mp0} to {@code mp255} ({@code $MAX_MOUNT_POINTS = 256}). */
    public static final int MAX_SLOT = 255;

    private static final Pattern KEY = Pattern.compile("mp([0-9]{1,3})");

    /** What {@link #source()} is, as Proxmox classifies it ({@code classify_mountpoint}). */
    public enum SourceKind {
        /** A storage volume, {@code storage:volume}: Proxmox creates, sizes, backs up and replicates it. */
        VOLUME,
        /** A host directory ({@code /zfs-hdd/off/images}): the bind mounts offops manages. */
        BIND,
        /** A host block device ({@code /dev/...}). */
        DEVICE
    }

    public LxcMountPoint {
        if (slot < 0 || slot > MAX_SLOT) {
            throw new IllegalArgumentException("mount point slot must be between 0 and " + MAX_SLOT + ", got " + slot);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(containerPath, "containerPath");
        LxcOption.checkValue("volume", source);
        LxcOption.checkValue("mp", containerPath);
        if (!containerPath.startsWith("/")) {
            throw new IllegalArgumentException("mp" + slot + ": container path must be absolute, got " + containerPath);
        }
        options = List.copyOf(options);
        for (LxcOption option : options) {
            if (option.key().equals("volume") || option.key().equals("mp")) {
                throw new IllegalArgumentException("mp" + slot + ": '" + option.key() + "' is not an extra option");
            }
        }
    }

    /** {@code mpN}. */
    public String key() {
        return "mp" + slot;
    }

    public SourceKind sourceKind() {
        if (source.startsWith("/dev/")) {
            return SourceKind.DEVICE;
        }
        return source.startsWith("/") ? SourceKind.BIND : SourceKind.VOLUME;
    }

    public boolean isBindMount() {
        return sourceKind() == SourceKind.BIND;
    }

    /** The value of one extra option ({@code backup}, {@code ro}, {@code size}, ...). */
    public Optional<String> option(String key) {
        return LxcOption.find(options, key);
    }

    /**
     * The value as Proxmox's {@code print_property_string} writes it: the source without its {@code volume=} key, then
     * {@code mp=}, then the other options sorted by key. Used for lines offops adds; parsed lines keep their own text.
     */
    public String value() {
        StringBuilder text = new StringBuilder(source).append(",mp=").append(containerPath);
        options.stream().sorted(Comparator.comparing(LxcOption::key)).forEach(o -> text.append(',').append(o.text()));
        return text.toString();
    }

    /** The slot of an {@code mpN} key, or -1 if {@code key} is not one. */
    public static int slotOf(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return -1;
        }
        String digits = m.group(1);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return -1; // "mp01" is not a mount point key Proxmox knows
        }
        int slot = Integer.parseInt(digits);
        return slot <= MAX_SLOT ? slot : -1;
    }

    /**
     * Parses the value of {@code mpN}.
     *
     * @throws IllegalArgumentException when the value is not a mount point (no source, no {@code mp=}, ...)
     */
    public static LxcMountPoint parse(int slot, String value) {
        List<LxcOption> all = LxcOption.parseList(value, "volume");
        String source = LxcOption.find(all, "volume")
                .orElseThrow(() -> new IllegalArgumentException("mp" + slot + " has no volume or host path"));
        String path = LxcOption.find(all, "mp")
                .orElseThrow(() -> new IllegalArgumentException("mp" + slot + " has no mp= (path inside the container)"));
        List<LxcOption> rest = new ArrayList<>();
        for (LxcOption option : all) {
            if (!option.key().equals("volume") && !option.key().equals("mp")) {
                rest.add(option);
            }
        }
        return new LxcMountPoint(slot, source, path, rest);
    }
}
