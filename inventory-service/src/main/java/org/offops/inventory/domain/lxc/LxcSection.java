package org.offops.inventory.domain.lxc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One section of a container configuration: the main one (the current configuration, {@link #MAIN}), a snapshot
 * ({@code [before-upgrade]}) or the changes Proxmox has not applied yet ({@code [pve:pending]}).
 *
 * <p>{@code lines} are kept as they stand in the file, including comments and the blank line Proxmox writes before
 * the next section's header. Every key other than raw {@code lxc.*} ones appears at most once. Typed accessors read
 * what offops needs; every other key stays available through {@link #value(String)} and {@link #properties()}.
 *
 * @param name {@link #MAIN} ({@code ""}) for the main section, {@link #PENDING} or the snapshot name, as written
 */
public record LxcSection(String name, List<LxcLine> lines) {

    /** Name of the main section, which has no header. */
    public static final String MAIN = "";
    /** Name of the section holding pending changes. */
    public static final String PENDING = "pve:pending";
    /** Snapshot names as Proxmox reads them ({@code parse_pct_config}). */
    public static final Pattern SNAPSHOT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]+");

    public LxcSection {
        Objects.requireNonNull(name, "name");
        if (!name.isEmpty() && !name.equalsIgnoreCase(PENDING) && !SNAPSHOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a snapshot name (" + SNAPSHOT_NAME.pattern() + ")");
        }
        lines = List.copyOf(lines);
        Set<String> keys = new HashSet<>();
        for (LxcLine line : lines) {
            if (line instanceof LxcLine.Property p && !p.isRawLxc() && !keys.add(p.key())) {
                throw new IllegalArgumentException("key '" + p.key() + "' appears twice in " + label(name));
            }
        }
    }

    static String label(String name) {
        return name.isEmpty() ? "the main section" : "[" + name + "]";
    }

    public static LxcSection main(List<LxcLine> lines) {
        return new LxcSection(MAIN, lines);
    }

    public boolean isMain() {
        return name.isEmpty();
    }

    public boolean isPending() {
        return name.equalsIgnoreCase(PENDING);
    }

    public boolean isSnapshot() {
        return !isMain() && !isPending();
    }

    /** Every {@code key: value} line, raw {@code lxc.*} ones included, in file order. */
    public List<LxcLine.Property> properties() {
        List<LxcLine.Property> properties = new ArrayList<>();
        for (LxcLine line : lines) {
            if (line instanceof LxcLine.Property p) {
                properties.add(p);
            }
        }
        return properties;
    }

    /** The value of a Proxmox key ({@code cores}, {@code tags}, {@code hookscript}, ...); for a raw {@code lxc.*} key, its first value. */
    public Optional<String> value(String key) {
        for (LxcLine line : lines) {
            if (line instanceof LxcLine.Property p && p.key().equals(key)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of a key, in order: useful for raw keys that repeat ({@code lxc.idmap}, {@code lxc.mount.entry}). */
    public List<String> values(String key) {
        List<String> values = new ArrayList<>();
        for (LxcLine.Property p : properties()) {
            if (p.key().equals(key)) {
                values.add(p.value());
            }
        }
        return values;
    }

    public boolean has(String key) {
        return value(key).isPresent();
    }

    /** The raw {@code lxc.*} lines, in order. */
    public List<LxcLine.Property> rawLxc() {
        return properties().stream().filter(LxcLine.Property::isRawLxc).toList();
    }

    /** The text of every {@code #} line, exactly as written (still URL-encoded). */
    public List<String> comments() {
        List<String> comments = new ArrayList<>();
        for (LxcLine line : lines) {
            if (line instanceof LxcLine.Comment c) {
                comments.add(c.body());
            }
        }
        return comments;
    }

    /**
     * The description shown in the Proxmox GUI: the {@code #} lines, URL-decoded ({@code %3A} is {@code :}) as
     * Proxmox's {@code decode_text} does, joined with newlines. Empty when there is none. (Proxmox also reads a
     * {@code description: ...} key, which it rewrites as {@code #} lines; such a key stays an ordinary property here.)
     */
    public String description() {
        List<String> decoded = new ArrayList<>();
        for (String comment : comments()) {
            decoded.add(decodeText(comment));
        }
        return String.join("\n", decoded);
    }

    public Optional<String> arch() {
        return value("arch");
    }

    public OptionalInt cores() {
        return integer("cores");
    }

    /** Memory in MiB. */
    public OptionalInt memory() {
        return integer("memory");
    }

    /** Swap in MiB. */
    public OptionalInt swap() {
        return integer("swap");
    }

    public Optional<String> hostname() {
        return value("hostname");
    }

    public Optional<String> ostype() {
        return value("ostype");
    }

    /** Absent means "not set here" (Proxmox's default is off). */
    public Optional<Boolean> onboot() {
        return bool("onboot");
    }

    /** Absent means "not set here" (Proxmox's default is privileged). */
    public Optional<Boolean> unprivileged() {
        return bool("unprivileged");
    }

    public Optional<Boolean> protection() {
        return bool("protection");
    }

    /** For a snapshot: the snapshot it was taken after; in the main section: the current snapshot. */
    public Optional<String> parent() {
        return value("parent");
    }

    /** For a snapshot: when it was taken, in seconds since the epoch. */
    public Optional<Long> snaptime() {
        return value("snaptime").map(v -> parseLong("snaptime", v));
    }

    public Optional<LxcRootFs> rootfs() {
        return value("rootfs").map(LxcRootFs::parse);
    }

    /** {@code features: nesting=1,keyctl=1} as options, in file order; empty when there is no features line. */
    public List<LxcOption> features() {
        return value("features").map(v -> LxcOption.parseList(v, null)).orElse(List.of());
    }

    /** The {@code netN} interfaces, by slot. */
    public List<LxcNet> networks() {
        List<LxcNet> networks = new ArrayList<>();
        for (LxcLine.Property p : properties()) {
            int slot = LxcNet.slotOf(p.key());
            if (slot >= 0) {
                networks.add(LxcNet.parse(slot, p.value()));
            }
        }
        networks.sort(Comparator.comparingInt(LxcNet::slot));
        return networks;
    }

    /** The {@code mpN} mount points, by slot (the file has them in text order: mp0, mp1, mp10, mp11, mp2, ...). */
    public List<LxcMountPoint> mountPoints() {
        List<LxcMountPoint> mounts = new ArrayList<>();
        for (LxcLine.Property p : properties()) {
            int slot = LxcMountPoint.slotOf(p.key());
            if (slot >= 0) {
                mounts.add(LxcMountPoint.parse(slot, p.value()));
            }
        }
        mounts.sort(Comparator.comparingInt(LxcMountPoint::slot));
        return mounts;
    }

    /** The {@code lxc.idmap} lines, in file order. */
    public List<LxcIdMap> idmaps() {
        return values("lxc.idmap").stream().map(LxcIdMap::parse).toList();
    }

    /** For {@code [pve:pending]}: the keys Proxmox will delete ({@code delete: swap,mp3}; a {@code !} force mark is dropped). */
    public List<String> pendingDeletes() {
        return value("delete").map(v -> List.of(v.split("[,;\\s]+"))).orElse(List.of())
                .stream().map(s -> s.startsWith("!") ? s.substring(1) : s).filter(s -> !s.isEmpty()).toList();
    }

    /** A copy of this section with {@code lines} instead. */
    public LxcSection withLines(List<LxcLine> newLines) {
        return new LxcSection(name, newLines);
    }

    private OptionalInt integer(String key) {
        Optional<String> value = value(key);
        return value.isPresent() ? OptionalInt.of(parseInt(key, value.get())) : OptionalInt.empty();
    }

    private Optional<Boolean> bool(String key) {
        return value(key).map(v -> parseBoolean(key, v));
    }

    static int parseInt(String key, String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + key + "' must be a non-negative integer, got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    static long parseLong(String key, String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("'" + key + "' must be a non-negative integer, got '" + value + "'");
        }
        return Long.parseLong(value);
    }

    /** Proxmox's boolean: 1/0, on/off, yes/no, true/false ({@code check_type}). */
    static boolean parseBoolean(String key, String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (v.equals("1") || v.equals("on") || v.equals("yes") || v.equals("true")) {
            return true;
        }
        if (v.equals("0") || v.equals("off") || v.equals("no") || v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("'" + key + "' must be a boolean (1 or 0), got '" + value + "'");
    }

    /** Proxmox's {@code decode_text}: %XX escapes to bytes, then UTF-8; a lone '%' stays as it is. */
    static String decodeText(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = text.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
