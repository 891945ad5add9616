package org.offops.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the real Kafka broker and PostgreSQL for a whole test run or the local stack, writes their addresses to an
 * env file, and stops both when it receives SIGTERM or Ctrl-C. Used by ./offops.
 * <p>Arguments: --dir D --env-file F [--kafka-port P] [--pg-port P] [--database NAME] [--topics topics.conf]
 * [--keep-data]
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Map<String, String> args = parse(argv);
        Path dir = Path.of(args.get("--dir")).toAbsolutePath();
        boolean keep = args.containsKey("--keep-data");
        int kafkaPort = Integer.parseInt(args.getOrDefault("--kafka-port", Integer.toString(Ports.free())));
        int pgPort = Integer.parseInt(args.getOrDefault("--pg-port", Integer.toString(Ports.free())));

        KafkaBroker kafka = keep ? KafkaBroker.start(dir.resolve("kafka"), kafkaPort, kafkaPort + 1)
                : KafkaBroker.start(Files.createTempDirectory(Files.createDirectories(dir), "kafka-"), kafkaPort);
        PostgresServer pg;
        try {
            pg = PostgresServer.findOrStart(keep ? Optional.of(dir.resolve("pg")) : Optional.empty(), pgPort);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            pg.close();
            stopped.countDown();
        }, "stop-infra"));

        if (args.containsKey("--topics")) {
            TopicSetup.create(kafka.bootstrap(), TopicSetup.read(Path.of(args.get("--topics"))));
        }
        StringBuilder env = new StringBuilder()
                .append("OFFOPS_KAFKA_BOOTSTRAP=").append(kafka.bootstrap()).append('\n')
                .append("OFFOPS_KAFKA_PID=").append(kafka.pid()).append('\n')
                .append(PostgresServer.ADMIN_URL_ENV).append('=').append(pg.adminUrl()).append('\n')
                .append("OFFOPS_PG_EMBEDDED=").append(pg.embedded()).append('\n');
        if (args.containsKey("--database")) {
            String database = args.get("--database");
            pg.createDatabaseIfMissing(database);
            env.append("OFFOPS_DB_URL=").append(pg.jdbcUrl(database)).append('\n')
                    .append("OFFOPS_DB_USER=").append(pg.user()).append('\n')
                    .append("OFFOPS_DB_PASSWORD=").append(pg.password()).append('\n');
        }
        Path envFile = Path.of(args.get("--env-file"));
        Path partial = envFile.resolveSibling(envFile.getFileName() + ".tmp");
        Files.writeString(partial, env);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        Files.move(partial, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("offops infra ready: kafka " + kafka.bootstrap() + ", postgres "
                + (pg.embedded() ? "embedded" : "existing") + "; env in " + envFile);
        stopped.await();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("--keep-data")) {
                args.put(argv[i], "true");
            } else if (argv[i].startsWith("--") && i + 1 < argv.length) {
                args.put(argv[i], argv[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + argv[i]);
            }
        }
        if (!args.containsKey("--dir") || !args.containsKey("--env-file")) {
            throw new IllegalArgumentException("usage: InfraMain --dir D --env-file F [--kafka-port P] [--pg-port P]"
                    + " [--database NAME] [--topics FILE] [--keep-data]");
        }
        return args;
    }
}
