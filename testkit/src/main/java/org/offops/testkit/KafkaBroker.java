package org.offops.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A real single-node KRaft Kafka broker run as its own JVM process from Maven Central's Kafka jars. */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String bootstrap;
    private final Path log;

    private KafkaBroker(Process process, String bootstrap, Path log) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.log = log;
    }

    /** Formats {@code dir/data} on first use (kept on later starts) and starts the broker on 127.0.0.1:{@code port}. */
    public static KafkaBroker start(Path dir, int port) {
        return start(dir, port, Ports.free());
    }

    /** As {@link #start(Path, int)} with a fixed controller port, for a data directory kept across restarts. */
    public static KafkaBroker start(Path dir, int port, int controllerPort) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "") );
            String classpath = Classpath.current();
            Path log = dir.resolve("broker.log");
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                run(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", Uuid.randomUuid().toString(), "-c", config.toString()), log);
            }
            Process process = new ProcessBuilder(java(), "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC",
                    "-cp", classpath, "kafka.Kafka", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + port, log);
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + dir, e);
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                sleep(300);
            }
        }
        close();
        throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
