package org.offops.remote;

import java.util.regex.Pattern;

/** ZFS naming rules behind {@link Names#zfsDataset} and {@link Names#zfsSnapshot}. */
final class ZfsNames {

    private static final Pattern POOL = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]*");
    private static final Pattern RESERVED_POOL = Pattern.compile("(mirror|raidz|draid|spare|log|c[0-9]).*");
    // no leading '-' (option injection) or '.' ("." and ".."); '%' is ZFS-internal, spaces are legal but refused
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]*");

    private ZfsNames() {
    }

    static String dataset(String value) {
        String field = "ZFS dataset";
        Names.notNull(field, value);
        if (value.length() > 255) {
            throw new InvalidNameException(field, value, "must be at most 255 characters");
        }
        String[] parts = value.split("/", -1);
        if (!POOL.matcher(parts[0]).matches() || RESERVED_POOL.matcher(parts[0]).matches()) {
            throw new InvalidNameException(field, value, "pool must start with a letter, use [A-Za-z0-9_.:-] and not"
                    + " be a reserved vdev name");
        }
        for (int i = 1; i < parts.length; i++) {
            if (!COMPONENT.matcher(parts[i]).matches()) {
                throw new InvalidNameException(field, value, "each component must match [A-Za-z0-9_][A-Za-z0-9_.:-]*");
            }
        }
        return value;
    }

    static String snapshot(String value) {
        String field = "ZFS snapshot";
        Names.notNull(field, value);
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@') || value.length() > 255
                || !COMPONENT.matcher(value.substring(at + 1)).matches()) {
            throw new InvalidNameException(field, value, "must be dataset@name with name matching"
                    + " [A-Za-z0-9_][A-Za-z0-9_.:-]*, at most 255 characters");
        }
        try {
            dataset(value.substring(0, at));
        } catch (InvalidNameException e) {
            throw new InvalidNameException(field, value, "dataset part: " + e.getMessage());
        }
        return value;
    }
}
