package org.offops.network.domain;

import java.util.Objects;

/** A pre-shared key: a public identity and the secret key; {@link #toString()} never shows the key. */
public record Psk(String identity, String key) {

    public Psk {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
    }

    /** The stunnel PSKsecrets line. */
    public String line() {
        return identity + ":" + key;
    }

    @Override
    public String toString() {
        return "Psk[identity=" + identity + ", key=<redacted>]";
    }
}
