package org.offops.remote.sshj;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SshjExecutor} connects: its ed25519 key file, connect timeout, per-host command limit and keep-alive.
 *
 * @param maxSessionsPerHost keep below sshd's MaxSessions (default 10)
 */
public record SshjSettings(Path privateKey, Duration connectTimeout, int maxSessionsPerHost, Duration keepAlive) {

    public static final int DEFAULT_MAX_SESSIONS_PER_HOST = 8;

    public SshjSettings {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (maxSessionsPerHost < 1) {
            throw new IllegalArgumentException("maxSessionsPerHost must be at least 1");
        }
    }

    public static SshjSettings withKey(Path privateKey) {
        return new SshjSettings(privateKey, Duration.ofSeconds(10), DEFAULT_MAX_SESSIONS_PER_HOST,
                Duration.ofSeconds(30));
    }

    public SshjSettings withConnectTimeout(Duration timeout) {
        return new SshjSettings(privateKey, timeout, maxSessionsPerHost, keepAlive);
    }

    public SshjSettings withMaxSessionsPerHost(int max) {
        return new SshjSettings(privateKey, connectTimeout, max, keepAlive);
    }
}
