package org.offops.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The one place offops computes SHA-256: as hex (files, tokens, cache names) and as OpenSSH's key fingerprint. */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** The hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The fingerprint OpenSSH prints for a public key blob: {@code SHA256:} + unpadded base64 of its SHA-256. */
    public static String openSshFingerprint(byte[] keyBlob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(keyBlob));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
