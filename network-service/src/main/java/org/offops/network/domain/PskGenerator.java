package org.offops.network.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes a fresh PSK per link from the CSPRNG: 256-bit key, identity = link name + 64 random bits. */
public final class PskGenerator {

    public static final int KEY_BYTES = 32;

    private final SecureRandom random;

    public PskGenerator(SecureRandom random) {
        this.random = random;
    }

    public PskGenerator() {
        this(new SecureRandom());
    }

    public Psk next(String linkName) {
        byte[] key = new byte[KEY_BYTES];
        byte[] tag = new byte[8];
        random.nextBytes(key);
        random.nextBytes(tag);
        // the identity is public (events, logs) so it carries only random bits unrelated to the key
        return new Psk(linkName + "-" + HexFormat.of().formatHex(tag), HexFormat.of().formatHex(key));
    }

    /** The PSKsecrets file: one identity:key line per key, the first being the one a client presents. */
    public static byte[] file(java.util.List<Psk> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach(psk -> text.append(psk.line()).append('\n'));
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
