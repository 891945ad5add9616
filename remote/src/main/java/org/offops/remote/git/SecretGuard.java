package org.offops.remote.git;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Refuses paths marked secret and content that looks like a PSK line or a private key, before anything is written. */
final class SecretGuard {

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    // stunnel PSKsecrets: "identity:key", key at least 16 characters of hex/base64-like text
    private static final Pattern PSK_LINE = Pattern.compile(
            "^[ \\t]*[^\\s:#;]{1,128}:[ \\t]*[A-Za-z0-9+/=_-]{16,}[ \\t]*\\r?$", Pattern.MULTILINE);

    private SecretGuard() {
    }

    static void check(String path, byte[] content) {
        checkPath(path);
        checkText(path, new String(content, StandardCharsets.ISO_8859_1));
    }

    static void checkPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        if (lower.startsWith("psk/") || lower.contains("/psk/")) {
            throw new SecretRefusedException(path, "it is under a psk/ directory");
        }
        if (name.endsWith(".key") || (name.contains("psk") && name.endsWith(".txt"))
                || (name.contains("key") && name.endsWith(".pem"))) {
            throw new SecretRefusedException(path, "its name marks it as a key or PSK file");
        }
    }

    /** Checks text such as a file's content or a commit message; {@code what} names it in the refusal. */
    static void checkText(String what, String text) {
        if (PRIVATE_KEY.matcher(text).find()) {
            throw new SecretRefusedException(what, "it contains a private key block");
        }
        Matcher psk = PSK_LINE.matcher(text);
        if (psk.find()) {
            throw new SecretRefusedException(what, "line " + lineOf(text, psk.start())
                    + " looks like a PSK (identity:key)");
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
