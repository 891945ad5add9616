package org.offops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.offops.testkit.Ports;
import org.offops.testkit.TestTokens;

/** The packaged inventory-service as its own process, with the JVM flags production's JAVA_OPTS example uses. */
final class AuditBenchService implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String token = UUID.randomUUID().toString();
    private final long startedNanos = System.nanoTime();

    private AuditBenchService(Path jar, String kafka, AuditBenchData.Database db, Path log) throws IOException {
        this.port = Ports.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("bench.javaOpts", "-Xms256m -Xmx512m").split(" ")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(java.util.Map.of("OFFOPS_DB_URL", db.url(), "OFFOPS_DB_USER", db.user(),
                "OFFOPS_DB_PASSWORD", db.password(), "OFFOPS_KAFKA_BOOTSTRAP", kafka,
                "OFFOPS_AUTH_TOKENS", "bench:viewer:" + TestTokens.sha256(token),
                "QUARKUS_HTTP_PORT", Integer.toString(port)));
        this.process = builder.start();
    }

    static AuditBenchService start(Path jar, String kafka, AuditBenchData.Database db) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package inventory-service first");
        }
        Path log = Files.createTempFile("audit-bench-inventory-", ".log");
        System.out.println("inventory-service log: " + log);
        return new AuditBenchService(jar, kafka, db, log);
    }

    long startedNanos() {
        return startedNanos;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String token() {
        return token;
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("inventory-service exited with " + process.exitValue());
        }
    }

    /** Waits until /q/health/ready answers 200 (the journal may already be ingesting). */
    void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            requireAlive();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("inventory-service not ready after 120 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
