package org.offops.remote.sshj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** Drains one output stream, keeping only its last {@code limit} bytes and handing each complete line to a callback. */
final class OutputTail {

    private static final int MAX_LINE = 8 * 1024;

    private final int limit;
    private final Consumer<String> onLine;
    // grows up to limit before it first wraps, so large limits cost memory only when used
    private byte[] ring;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long total;

    OutputTail(int limit, Consumer<String> onLine) {
        this.limit = limit;
        this.onLine = onLine;
        this.ring = new byte[Math.min(limit, 8 * 1024)];
    }

    void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            keep(buffer, n);
            split(buffer, n);
        }
        if (line.size() > 0) {
            emitLine();
        }
    }

    synchronized String text() {
        int size = (int) Math.min(total, ring.length);
        byte[] tail = new byte[size];
        int start = (int) ((total - size) % ring.length);
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, tail, 0, first);
        System.arraycopy(ring, 0, tail, first, size - first);
        return new String(tail, StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return total > limit;
    }

    private synchronized void keep(byte[] buffer, int n) {
        if (total + n > ring.length && ring.length < limit) {
            ring = Arrays.copyOf(ring, (int) Math.min(limit, Math.max(2L * ring.length, total + n)));
        }
        int offset = Math.max(0, n - ring.length);
        for (int i = offset; i < n; ) {
            int at = (int) ((total + i) % ring.length);
            int chunk = Math.min(n - i, ring.length - at);
            System.arraycopy(buffer, i, ring, at, chunk);
            i += chunk;
        }
        total += n;
    }

    private void split(byte[] buffer, int n) {
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n' || line.size() + (i - from) >= MAX_LINE) {
                line.write(buffer, from, i - from);
                from = buffer[i] == '\n' ? i + 1 : i;
                emitLine();
            }
        }
        line.write(buffer, from, n - from);
    }

    private void emitLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            onLine.accept(text);
        } catch (RuntimeException ignored) {
            // a failing progress reporter must not break the command it reports on
        }
    }
}
