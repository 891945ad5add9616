package org.offops.storage.domain.snapshot;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** sanoid's snapshot name {@code autosnap_YYYY-MM-DD_HH:MM:SS_<period>} (UTC, as the fleet runs sanoid with TZ=UTC). */
public record SnapshotName(Instant time, Period period) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss");
    private static final Pattern NAME = Pattern.compile("autosnap_(\\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d)_([a-z]+)");
    // sanoid's own reading: the period is the last "_<word>ly" of a name that starts with autosnap and ends in ly
    private static final Pattern SANOID_TYPE = Pattern.compile(".*_(\\w*ly)");

    public String format() {
        return "autosnap_" + FORMAT.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)) + "_" + period.label();
    }

    public static Optional<SnapshotName> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant t = LocalDateTime.parse(m.group(1), FORMAT).toInstant(ZoneOffset.UTC);
        return Period.ofLabel(m.group(2)).map(p -> new SnapshotName(t, p));
    }

    /** The period sanoid would file this snapshot under, if any (e.g. "hourly"; "foo_weirdly" gives "weirdly"). */
    public static Optional<String> sanoidType(String name) {
        if (!name.startsWith("autosnap") || !name.endsWith("ly")) {
            return Optional.empty();
        }
        Matcher m = SANOID_TYPE.matcher(name);
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
