package org.offops.remote;

import java.util.regex.Pattern;

/** Host name, address and site-domain rules behind {@link Names}. */
final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL_LABEL = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}");

    private HostNames() {
    }

    static String hostName(String value) {
        Names.notNull("host name", value);
        if (value.length() > 253 || !allLabels(value.split("\\.", -1))) {
            throw new InvalidNameException("host name", value, "must be dot-separated labels [a-z0-9-] (no leading"
                    + " or trailing '-'), at most 253 characters");
        }
        return value;
    }

    static String address(String value) {
        Names.notNull("host address", value);
        if (IPV6.matcher(value).matches()) {
            return value;
        }
        try {
            return hostName(value);
        } catch (InvalidNameException e) {
            throw new InvalidNameException("host address", value, "must be a host name, IPv4 or IPv6 address");
        }
    }

    static String site(String value) {
        Names.notNull("site", value);
        String[] labels = value.split("\\.", -1);
        if (value.length() > 253 || labels.length < 2 || !allLabels(labels)
                || !TOP_LEVEL_LABEL.matcher(labels[labels.length - 1]).matches()) {
            throw new InvalidNameException("site", value, "must be a lower-case domain with at least two labels");
        }
        return value;
    }

    private static boolean allLabels(String[] labels) {
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
