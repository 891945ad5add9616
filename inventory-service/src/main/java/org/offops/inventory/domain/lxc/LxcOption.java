package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code key=value} item of a Proxmox "property string" such as {@code net0}, {@code mp0}, {@code rootfs} or
 * {@code features}: {@code name=eth0,bridge=vmbr1,ip=10.0.0.5/24}.
 *
 * <p>Proxmox property strings cannot carry a comma inside a value ({@code print_property_string} refuses it), so a
 * plain split on {@code ,} is exact. A volume ({@code rootfs}, {@code mpN}) may be written without its key
 * ({@code /zfs/a,mp=/mnt/a} is {@code volume=/zfs/a,mp=/mnt/a}); the parsed option then carries the implied key.
 */
public record LxcOption(String key, String value) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public LxcOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("option key '" + key + "' must match " + KEY.pattern());
        }
        checkValue(key, value);
    }

    static void checkValue(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("option '" + key + "' has an empty value");
        }
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException("option '" + key + "' contains a comma, which Proxmox cannot store: " + value);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("option '" + key + "' contains a line break");
        }
    }

    /** {@code key=value}, as Proxmox writes it. */
    public String text() {
        return key + "=" + value;
    }

    /**
     * Parses {@code a=1,b=2}. An item without {@code =} is the value of {@code defaultKey} (Proxmox allows it anywhere
     * in the list, and at most once); with a null {@code defaultKey} such an item is an error. Empty items are
     * skipped, as Proxmox does; repeated keys are an error.
     *
     * @throws IllegalArgumentException with a message naming the offending item
     */
    public static List<LxcOption> parseList(String text, String defaultKey) {
        List<LxcOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            LxcOption option;
            if (eq < 0) {
                if (defaultKey == null || seen.contains(defaultKey)) {
                    throw new IllegalArgumentException("'" + part + "' has no key (expected key=value)");
                }
                option = new LxcOption(defaultKey, part);
            } else if (eq == 0) {
                throw new IllegalArgumentException("'" + part + "' has no key before '='");
            } else if (eq == part.length() - 1) {
                throw new IllegalArgumentException("'" + part + "' has no value after '='");
            } else {
                String key = part.substring(0, eq);
                if (!KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("'" + key + "' is not an option name");
                }
                option = new LxcOption(key, part.substring(eq + 1));
            }
            if (!seen.add(option.key())) {
                throw new IllegalArgumentException("option '" + option.key() + "' is given twice");
            }
            options.add(option);
        }
        return List.copyOf(options);
    }

    /** The value of {@code key} in {@code options}, if present. */
    public static Optional<String> find(List<LxcOption> options, String key) {
        for (LxcOption option : options) {
            if (option.key().equals(key)) {
                return Optional.of(option.value());
            }
        }
        return Optional.empty();
    }
}
