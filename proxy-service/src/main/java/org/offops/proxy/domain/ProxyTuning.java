package org.offops.proxy.domain;

/**
 * Per-site proxy details production varies: {@code denyFrames} sends X-Frame-Options DENY (the producers' platform),
 * {@code bufferResponses} off streams answers as they come (no caching is possible then).
 */
public record ProxyTuning(boolean denyFrames, boolean bufferResponses) {

    public static ProxyTuning defaults() {
        return new ProxyTuning(false, true);
    }
}
