package org.offops.remote;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run one command: timeout, a callback per output line (stdout and stderr), stdin (the only channel for
 * secrets; a stream makes the value single-use), and how many bytes of each stream to keep.
 */
public record ExecOptions(Duration timeout, Consumer<String> onLine, InputStream stdin, int tailBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_TAIL_BYTES = 64 * 1024;

    public ExecOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (tailBytes < 1) {
            throw new IllegalArgumentException("tailBytes must be positive");
        }
        onLine = onLine == null ? line -> { } : onLine;
    }

    public static ExecOptions defaults() {
        return new ExecOptions(DEFAULT_TIMEOUT, null, null, DEFAULT_TAIL_BYTES);
    }

    public ExecOptions withTimeout(Duration newTimeout) {
        return new ExecOptions(newTimeout, onLine, stdin, tailBytes);
    }

    public ExecOptions withProgress(Consumer<String> lineCallback) {
        return new ExecOptions(timeout, lineCallback, stdin, tailBytes);
    }

    public ExecOptions withStdin(byte[] bytes) {
        return withStdin(new ByteArrayInputStream(bytes.clone()));
    }

    public ExecOptions withStdin(InputStream stream) {
        return new ExecOptions(timeout, onLine, stream, tailBytes);
    }

    public ExecOptions withTailBytes(int bytes) {
        return new ExecOptions(timeout, onLine, stdin, bytes);
    }

    @Override
    public String toString() {
        // stdin may hold a secret: never render it
        return "ExecOptions[timeout=" + timeout + ", stdin=" + (stdin != null) + ", tailBytes=" + tailBytes + "]";
    }
}
