package org.offops.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Kafka broker and PostgreSQL server of this test JVM: the ones the test script started (their addresses in
 * the environment), or, when a single test runs from an IDE, ones started here and stopped when the JVM exits.
 */
public final class SharedInfra {

    public static final String KAFKA_ENV = "OFFOPS_KAFKA_BOOTSTRAP";

    private static String kafkaBootstrap;
    private static PostgresServer postgres;

    private SharedInfra() {
    }

    public static synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            String given = System.getenv(KAFKA_ENV);
            if (given != null && !given.isBlank()) {
                kafkaBootstrap = given;
            } else {
                Path dir = tempDir("offops-kafka-");
                KafkaBroker broker = KafkaBroker.start(dir, Ports.free());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker.close();
                    TempDirs.deleteQuietly(dir);
                }, "stop-kafka"));
                kafkaBootstrap = broker.bootstrap();
            }
        }
        return kafkaBootstrap;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.findOrStart(Optional.empty(), Ports.free());
            if (postgres.embedded()) {
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-postgres"));
            }
        }
        return postgres;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
