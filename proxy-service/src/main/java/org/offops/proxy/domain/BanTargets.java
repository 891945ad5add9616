package org.offops.proxy.domain;

import java.util.regex.Pattern;

/** The addresses an operator may ban: one IPv4 or IPv6 literal (never a name, which would need a DNS lookup). */
public final class BanTargets {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}");

    private BanTargets() {
    }

    public static boolean isAddress(String value) {
        if (value == null) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        return IPV6.matcher(value).matches() && value.chars().filter(c -> c == ':').count() >= 2
                && (value.indexOf("::") == value.lastIndexOf("::")) && !value.contains(":::");
    }
}
