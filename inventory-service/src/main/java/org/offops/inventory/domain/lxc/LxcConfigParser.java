package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Proxmox container configuration, strictly but faithfully.
 *
 * <p>The grammar is Proxmox's own ({@code PVE::LXC::Config::parse_pct_config}): {@code key: value} lines, raw
 * {@code lxc.key: value} or {@code lxc.key = value} lines, {@code #} comments (the description), blank lines, and
 * {@code [name]} headers opening a snapshot section or {@code [pve:pending]}. Where Proxmox only warns and skips a
 * line, this parser refuses the whole file with an {@link LxcConfigException} naming the line: a line it cannot read,
 * a key set twice in a section, {@code delete:} outside {@code [pve:pending]}, a carriage return, or a value offops
 * relies on that does not parse ({@code cores}, {@code memory}, {@code swap}, booleans such as {@code onboot} and
 * {@code unprivileged}, {@code rootfs}, {@code mpN}, {@code netN}, {@code features}, {@code lxc.idmap}). Every other
 * key, known to Proxmox or not, is kept as it is.
 *
 * <p>{@link LxcConfigWriter#write(LxcConfig)} gives back the same bytes for a file Proxmox wrote. Two things are
 * normalised, both invisible to Proxmox, which ignores them when reading and never writes them:
 * <ul>
 *   <li>a missing newline at the end of the file is added;</li>
 *   <li>blanks at the end of a non-comment line (a {@code key: value}, a {@code [section]} header, a blank line) are
 *       dropped. Comment lines are kept to the byte: they are the container's description.</li>
 * </ul>
 */
public final class LxcConfigParser {

    private static final Pattern LXC_LINE = Pattern.compile("(lxc\\.[a-z0-9_\\-.]+)(:[ \\t]*|[ \\t]*=[ \\t]*)(.*)");
    private static final Pattern PROPERTY_LINE = Pattern.compile("([a-z][a-z_]*[0-9]*)(:[ \\t]*)(.*)");
    private static final Pattern HEADER_LINE = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern MP_LIKE = Pattern.compile("mp[0-9]+");
    private static final int QUOTE_LIMIT = 80;

    private LxcConfigParser() {
    }

    /**
     * @throws LxcConfigException for a malformed line, with its 1-based number
     */
    public static LxcConfig parse(String text) {
        Objects.requireNonNull(text, "text");
        List<LxcSection> sections = new ArrayList<>();
        Map<String, Integer> sectionLines = new HashMap<>();
        String sectionName = LxcSection.MAIN;
        List<LxcLine> lines = new ArrayList<>();
        Map<String, Integer> keyLines = new HashMap<>();

        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            start = end < 0 ? text.length() : end + 1;
            lineNumber++;

            if (line.indexOf('\r') >= 0) {
                throw new LxcConfigException(lineNumber,
                        "carriage return found (Windows line ending?): Proxmox configuration files use \\n only");
            }
            if (line.startsWith("#")) {
                lines.add(new LxcLine.Comment(line.substring(1)));
                continue;
            }
            String trimmed = stripTrailing(line);
            if (trimmed.isEmpty()) {
                lines.add(new LxcLine.Blank());
                continue;
            }
            if (trimmed.startsWith("[")) {
                String name = headerName(lineNumber, trimmed);
                Integer previous = sectionLines.putIfAbsent(LxcConfig.identity(name), lineNumber);
                if (previous != null) {
                    throw new LxcConfigException(lineNumber, "section [" + name + "] already started on line " + previous);
                }
                sections.add(section(lineNumber, sectionName, lines));
                sectionName = name;
                lines = new ArrayList<>();
                keyLines = new HashMap<>();
                continue;
            }
            if (Character.isWhitespace(trimmed.charAt(0))) {
                throw new LxcConfigException(lineNumber, "line starts with blanks (Proxmox would ignore it): " + quote(trimmed));
            }
            LxcLine.Property property = property(lineNumber, trimmed);
            if (!property.isRawLxc()) {
                Integer first = keyLines.putIfAbsent(property.key(), lineNumber);
                if (first != null) {
                    throw new LxcConfigException(lineNumber, "'" + property.key() + "' is set twice in "
                            + LxcSection.label(sectionName) + " (first on line " + first + ")");
                }
            }
            if (property.key().equals("delete") && !sectionName.equalsIgnoreCase(LxcSection.PENDING)) {
                throw new LxcConfigException(lineNumber, "'delete' is only allowed in [pve:pending]");
            }
            check(lineNumber, property);
            lines.add(property);
        }
        sections.add(section(lineNumber, sectionName, lines));
        return new LxcConfig(sections);
    }

    private static String headerName(int lineNumber, String trimmed) {
        Matcher m = HEADER_LINE.matcher(trimmed);
        if (!m.matches()) {
            throw new LxcConfigException(lineNumber, "expected a section header like [snapshot-name], got " + quote(trimmed));
        }
        String name = m.group(1);
        if (!name.equalsIgnoreCase(LxcSection.PENDING) && !LxcSection.SNAPSHOT_NAME.matcher(name).matches()) {
            throw new LxcConfigException(lineNumber, "'" + name + "' is neither pve:pending nor a snapshot name ("
                    + LxcSection.SNAPSHOT_NAME.pattern() + ")");
        }
        return name;
    }

    private static LxcSection section(int lineNumber, String name, List<LxcLine> lines) {
        try {
            return new LxcSection(name, lines);
        } catch (IllegalArgumentException e) {
            throw new LxcConfigException(lineNumber, e.getMessage());
        }
    }

    private static LxcLine.Property property(int lineNumber, String trimmed) {
        Matcher lxc = LXC_LINE.matcher(trimmed);
        Matcher plain = PROPERTY_LINE.matcher(trimmed);
        Matcher m = lxc.matches() ? lxc : plain.matches() ? plain : null;
        if (m == null) {
            throw new LxcConfigException(lineNumber,
                    "expected 'key: value', a '#' comment or a '[snapshot]' header, got " + quote(trimmed));
        }
        String key = m.group(1);
        if (m == plain && m.group(3).isEmpty()) {
            throw new LxcConfigException(lineNumber, "'" + key + "' has no value");
        }
        try {
            return new LxcLine.Property(key, m.group(2), m.group(3));
        } catch (IllegalArgumentException e) {
            throw new LxcConfigException(lineNumber, e.getMessage());
        }
    }

    /** Checks the values offops reads: a file whose mount points or networks do not parse is refused on import. */
    private static void check(int lineNumber, LxcLine.Property property) {
        String key = property.key();
        String value = property.value();
        try {
            switch (key) {
                case "cores", "memory", "swap" -> LxcSection.parseInt(key, value);
                case "onboot", "unprivileged", "protection", "template" -> LxcSection.parseBoolean(key, value);
                case "rootfs" -> LxcRootFs.parse(value);
                case "features" -> LxcOption.parseList(value, null);
                case "lxc.idmap" -> LxcIdMap.parse(value);
                default -> {
                    int mount = LxcMountPoint.slotOf(key);
                    int net = LxcNet.slotOf(key);
                    if (mount >= 0) {
                        LxcMountPoint.parse(mount, value);
                    } else if (MP_LIKE.matcher(key).matches()) {
                        throw new IllegalArgumentException("'" + key + "' is not a mount point key (mp0 to mp"
                                + LxcMountPoint.MAX_SLOT + ")");
                    } else if (net >= 0) {
                        LxcNet.parse(net, value);
                    }
                }
            }
        } catch (LxcConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            boolean namesKey = message.startsWith(key) || message.contains("'" + key + "'");
            throw new LxcConfigException(lineNumber, namesKey ? message : key + ": " + message);
        }
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String quote(String line) {
        return "'" + (line.length() > QUOTE_LIMIT ? line.substring(0, QUOTE_LIMIT) + "..." : line) + "'";
    }
}
