package org.offops.remote;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Strict validators for every name that reaches a host: each returns the value unchanged or throws. */
public final class Names {

    private static final Pattern FLAVOR = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern GIT_TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,100}");
    private static final Pattern UNIT = Pattern.compile(
            "[A-Za-z0-9_][A-Za-z0-9:_.-]*(@[A-Za-z0-9:_.-]*)?\\.(service|socket|timer|target|path|mount)");
    private static final Pattern UNIX_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private Names() {
    }

    /** A product flavor such as off, obf, opf, opff, off-pro. */
    public static String flavor(String value) {
        return matching("flavor", value, FLAVOR, "must match [a-z][a-z0-9-]{0,30}");
    }

    /** A release tag that is a safe git ref name and never an option. */
    public static String gitTag(String value) {
        matching("git tag", value, GIT_TAG, "must match [A-Za-z0-9][A-Za-z0-9._/-]{0,100}");
        if (value.contains("..") || value.contains("//") || value.contains("/.") || value.endsWith("/")
                || value.endsWith(".") || value.endsWith(".lock") || value.contains(".lock/")) {
            throw new InvalidNameException("git tag", value, "must not contain '..', '//', '/.', a '.lock' component"
                    + " or end with '/' or '.'");
        }
        return value;
    }

    /** A ZFS filesystem or volume such as {@code rpool/off/products}. */
    public static String zfsDataset(String value) {
        return ZfsNames.dataset(value);
    }

    /** A ZFS snapshot such as {@code rpool/off/products@autosnap_2024-01-01_00:00:01_daily}. */
    public static String zfsSnapshot(String value) {
        return ZfsNames.snapshot(value);
    }

    /** A host name such as {@code off1} or {@code ovh3.openfoodfacts.org} (lower case, RFC 1123 labels). */
    public static String hostName(String value) {
        return HostNames.hostName(value);
    }

    /** Where to reach a host: a host name, an IPv4 address or an IPv6 literal. */
    public static String hostAddress(String value) {
        return HostNames.address(value);
    }

    /** A site's domain such as {@code world.openfoodfacts.org}. */
    public static String site(String value) {
        return HostNames.site(value);
    }

    /** A systemd unit such as {@code apache2.service} or {@code minion@off.service}. */
    public static String systemdUnit(String value) {
        return matching("systemd unit", value, UNIT, "must be name[@instance].(service|socket|timer|target|path|mount)"
                + " using [A-Za-z0-9:_.-]");
    }

    /** A Unix user or group name, as used for logins and file owners. */
    public static String unixUser(String value) {
        return matching("unix user", value, UNIX_USER, "must match [a-z_][a-z0-9_-]{0,31}");
    }

    /** An absolute, already normalized path without control characters ({@code /srv/off/lang}). */
    public static String absolutePath(String value) {
        String field = "absolute path";
        notNull(field, value);
        if (!value.startsWith("/") || value.length() > 4096 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidNameException(field, value, "must start with '/', be at most 4096 characters and contain"
                    + " no control characters");
        }
        if (value.contains("/../") || value.endsWith("/..") || !Path.of(value).normalize().toString().equals(value)) {
            throw new InvalidNameException(field, value, "must be normalized (no '..', '.', '//' or trailing '/')");
        }
        return value;
    }

    static String matching(String field, String value, Pattern pattern, String rule) {
        notNull(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidNameException(field, value, rule);
        }
        return value;
    }

    static void notNull(String field, String value) {
        if (value == null) {
            throw new InvalidNameException(field, null, "is required");
        }
    }
}
