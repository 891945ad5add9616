package org.offops.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Bearer tokens every test run configures, one per role; only their hashes reach the services' configuration. */
public final class TestTokens {

    public static final String VIEWER = "viewer-test-token-0b7c";
    public static final String OPERATOR = "operator-test-token-51ad";
    public static final String ADMIN = "admin-test-token-9e2f";

    private TestTokens() {
    }

    /** The value of {@code offops.auth.tokens} that accepts the three tokens above. */
    public static String config() {
        return "test-viewer:viewer:" + sha256(VIEWER) + ",test-operator:operator:" + sha256(OPERATOR)
                + ",test-admin:admin:" + sha256(ADMIN);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
