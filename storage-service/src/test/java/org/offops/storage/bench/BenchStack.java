package org.offops.storage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.KafkaBroker;
import org.offops.testkit.Ports;
import org.offops.testkit.PostgresServer;
import org.offops.testkit.Repo;
import org.offops.testkit.ServiceProcess;
import org.offops.testkit.TempDirs;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetInventory;

/**
 * What the replication benchmark runs on: its own Kafka broker, a database of its own on the local (or embedded)
 * PostgreSQL, a fleet box, and the PACKAGED storage-service as a separate process; closing stops each by its handle.
 */
record BenchStack(Path dir, KafkaBroker kafka, PostgresServer pg, String database, FleetBox box,
                  ServiceProcess service) implements AutoCloseable {

    static final Path JAR = Path.of("storage-service/target/quarkus-app/quarkus-run.jar");

    /** Starts everything; on a failure whatever already started is stopped before the exception leaves. */
    static BenchStack start(List<String> hosts, int net, Map<String, String> serviceConfig) throws IOException {
        Path dir = Files.createTempDirectory("bench-replication-");
        List<AutoCloseable> started = new ArrayList<>();
        try {
            KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free());
            started.add(kafka);
            PostgresServer pg = PostgresServer.findOrStart(Optional.empty(), Ports.free());
            started.add(() -> { if (pg.embedded()) { pg.close(); } });
            String database = "offops_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            pg.createDatabase(database);
            started.add(() -> pg.dropDatabase(database));
            FleetBox box = FleetBox.builder(FleetSpecReader.read(Repo.fleetFile())).root(dir.resolve("fleet"))
                    .loopbackNet(net).sshPort(22).bootServices(false).hosts(hosts).start();
            started.add(box::stop);
            FleetInventory.publish(kafka.bootstrap(), box);
            Map<String, String> env = new java.util.HashMap<>(Map.of("OFFOPS_DB_URL", pg.jdbcUrl(database),
                    "OFFOPS_DB_USER", pg.user(), "OFFOPS_DB_PASSWORD", pg.password(),
                    "OFFOPS_KAFKA_BOOTSTRAP", kafka.bootstrap(), "OFFOPS_AUTH_TOKENS", TestTokens.config(),
                    "OFFOPS_SSH_KEY", box.clientKey().toString()));
            env.putAll(serviceConfig);
            ServiceProcess service = ServiceProcess.start("storage-bench", JAR.toAbsolutePath(), Ports.free(), env,
                    dir.resolve("storage-service.log"));
            return new BenchStack(dir, kafka, pg, database, box, service);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** The service's last lines, for a run that failed (the work directory is deleted on close). */
    void printLogTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("storage-service.log"));
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
        } catch (IOException e) {
            System.err.println("no service log: " + e.getMessage());
        }
    }

    /** Stops the service, the box, the database and the broker (in that order), then deletes the work directory. */
    @Override
    public void close() {
        closeAll(List.of(kafka, () -> { if (pg.embedded()) { pg.close(); } }, () -> pg.dropDatabase(database),
                box::stop, service));
        TempDirs.deleteQuietly(dir);
    }

    /** Closes in reverse order of starting; one failure does not keep the others running. */
    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }
}
