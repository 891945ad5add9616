package org.offops.inventory.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.offops.testkit.TestTokens;

/** A real HTTP client on /audit/stream that timestamps every line as it arrives. */
final class SseTail implements AutoCloseable {

    /** One received line and when it arrived. */
    record Line(String text, Instant at) {
    }

    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final List<String> everything = new CopyOnWriteArrayList<>();
    private final Stream<String> body;
    private final Thread reader;

    private SseTail(Stream<String> body) {
        this.body = body;
        this.reader = new Thread(() -> body.forEach(text -> {
            everything.add(text);
            lines.add(new Line(text, Instant.now()));
        }), "sse-tail");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and returns once the server said the tail is open, so nothing published after is missed. */
    static SseTail open(URI base, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/audit/stream" + query))
                .header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("stream answered " + response.statusCode());
        }
        SseTail tail = new SseTail(response.body());
        tail.next(line -> line.startsWith(":"), Duration.ofSeconds(10));
        return tail;
    }

    /** The next data line containing {@code text}, or null when none came within {@code timeout}. */
    Line nextData(String text, Duration timeout) throws InterruptedException {
        return next(line -> line.startsWith("data:") && line.contains(text), timeout);
    }

    /** Whether any data line received so far contains {@code text}. */
    boolean received(String text) {
        return everything.stream().anyMatch(line -> line.startsWith("data:") && line.contains(text));
    }

    private Line next(java.util.function.Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Line line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && wanted.test(line.text())) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        body.close();
        reader.interrupt();
    }
}
