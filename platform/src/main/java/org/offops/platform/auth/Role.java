package org.offops.platform.auth;

import java.util.Locale;

/** The three API roles, ordered so that a higher role can do everything a lower one can. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    public static Role parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
