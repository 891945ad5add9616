package org.offops.inventory.domain.lxc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a Proxmox container configuration, as it stands in the file. Keeping lines (rather than a map) is what
 * makes {@code write(parse(text))} give the same bytes back: order, comments and blank lines are all kept.
 */
public sealed interface LxcLine permits LxcLine.Comment, LxcLine.Blank, LxcLine.Property {

    /** The line as written, without its newline. */
    String text();

    /**
     * A {@code #} line. Proxmox stores a container's description this way, one {@code #} line per description line,
     * URL-encoding {@code :}, {@code %}, control and non-ASCII characters ({@code %3A}, {@code %E2%86%92}); the text
     * after {@code #} is kept exactly, and {@link LxcSection#description()} gives the decoded form.
     */
    record Comment(String body) implements LxcLine {
        public Comment {
            Objects.requireNonNull(body, "body");
            if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a comment cannot contain a line break");
            }
        }

        @Override
        public String text() {
            return "#" + body;
        }
    }

    /** An empty line; Proxmox writes one before each {@code [section]} header and ignores them when reading. */
    record Blank() implements LxcLine {
        @Override
        public String text() {
            return "";
        }
    }

    /**
     * {@code key: value}. {@code separator} is exactly what stood between key and value ({@code ": "} as Proxmox
     * writes it; {@code ":"} or {@code " = "} in hand-edited raw {@code lxc.*} lines), so that the line is written back
     * unchanged; {@code value} is the rest of the line, never with trailing blanks (Proxmox ignores them).
     */
    record Property(String key, String separator, String value) implements LxcLine {

        /** Proxmox's own key syntax ({@code parse_pct_config}): {@code cores}, {@code mp12}, {@code unused0}. */
        public static final Pattern KEY = Pattern.compile("[a-z][a-z_]*[0-9]*");
        /** Raw LXC keys passed through to LXC: {@code lxc.idmap}, {@code lxc.cgroup2.devices.allow}. */
        public static final Pattern LXC_KEY = Pattern.compile("lxc\\.[a-z0-9_\\-.]+");
        private static final Pattern SEPARATOR = Pattern.compile(":[ \\t]*");
        private static final Pattern LXC_SEPARATOR = Pattern.compile(":[ \\t]*|[ \\t]*=[ \\t]*");

        public Property {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(separator, "separator");
            Objects.requireNonNull(value, "value");
            boolean raw = LXC_KEY.matcher(key).matches();
            if (!raw && !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("'" + key + "' is not a Proxmox configuration key");
            }
            if (!(raw ? LXC_SEPARATOR : SEPARATOR).matcher(separator).matches()) {
                throw new IllegalArgumentException("'" + separator + "' cannot separate key '" + key + "' from its value");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("the value of '" + key + "' contains a line break");
            }
            if (!raw && value.isEmpty()) {
                throw new IllegalArgumentException("'" + key + "' has no value");
            }
            if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                    || Character.isWhitespace(value.charAt(value.length() - 1)))) {
                throw new IllegalArgumentException("the value of '" + key + "' starts or ends with blanks");
            }
        }

        /** {@code key: value}, the way Proxmox writes every line. */
        public static Property of(String key, String value) {
            return new Property(key, ": ", value);
        }

        /** A raw LXC key ({@code lxc.*}): Proxmox keeps these in order, may repeat them, and writes them last. */
        public boolean isRawLxc() {
            return key.startsWith("lxc.");
        }

        @Override
        public String text() {
            return key + separator + value;
        }
    }
}
