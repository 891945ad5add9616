package org.offops.platform.auth;

/** One configured API token: its name (used as the actor), its role and the SHA-256 of its value. */
public record ApiToken(String name, Role role, String sha256) {

    /** Parses {@code name:role:sha256hex}; the error never echoes the hash. */
    public static ApiToken parse(String entry) {
        String[] parts = entry.trim().split(":");
        if (parts.length != 3 || !parts[0].matches("[a-z0-9][a-z0-9._-]{0,62}")
                || !parts[2].matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "offops.auth.tokens: each entry must be name:role:sha256hex (lower-case hex)");
        }
        return new ApiToken(parts[0], Role.parse(parts[1]), parts[2]);
    }
}
