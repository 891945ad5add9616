package org.offops.storage.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.PostgresServer;
import org.offops.testkit.Repo;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TempDirs;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetInventory;

/**
 * What an IT runs packaged services against: a fleet box, a database of its own and a private inventory topic on the
 * shared broker announcing the box's hosts; {@link #env} and {@link #storageEnv} point a service at them, and
 * closing removes them all.
 */
public final class PackagedFleet implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final FleetBox box;
    private final PostgresServer pg;
    private final String database;

    private PackagedFleet(String name, Path dir, FleetBox box, PostgresServer pg, String database) {
        this.name = name;
        this.dir = dir;
        this.box = box;
        this.pg = pg;
        this.database = database;
    }

    /** {@code name} must be unique per run (it names the topic, the consumer group and the database). */
    public static PackagedFleet start(String name, int net, List<String> hosts) throws IOException {
        Path dir = Files.createTempDirectory(name + "-");
        FleetBox box = null;
        try {
            box = FleetBox.builder(FleetSpecReader.read(Repo.fleetFile())).root(dir.resolve("fleet"))
                    .loopbackNet(net).sshPort(22).hosts(hosts).start();
            FleetBox started = box;
            FleetInventory.events(box).forEach(e -> TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), topic(name), e));
            PostgresServer pg = SharedInfra.postgres();
            String database = "offops_it_" + name.replace('-', '_');
            pg.createDatabase(database);
            return new PackagedFleet(name, dir, started, pg, database);
        } catch (IOException | RuntimeException e) {
            if (box != null) {
                box.stop();
            }
            TempDirs.deleteQuietly(dir);
            throw e;
        }
    }

    public FleetBox box() {
        return box;
    }

    /** Database, broker and API tokens: what every packaged offops service needs. */
    public Map<String, String> env() {
        return new HashMap<>(Map.of("OFFOPS_DB_URL", pg.jdbcUrl(database), "OFFOPS_DB_USER", pg.user(),
                "OFFOPS_DB_PASSWORD", pg.password(), "OFFOPS_KAFKA_BOOTSTRAP", SharedInfra.kafkaBootstrap(),
                "OFFOPS_AUTH_TOKENS", TestTokens.config()));
    }

    /** {@link #env} plus the box's SSH key and this fleet's inventory topic (storage-service's fleet view). */
    public Map<String, String> storageEnv() {
        Map<String, String> env = env();
        env.putAll(Map.of("OFFOPS_SSH_KEY", box.clientKey().toString(),
                "MP_MESSAGING_INCOMING_INVENTORY_EVENTS_TOPIC", topic(name),
                "MP_MESSAGING_INCOMING_INVENTORY_EVENTS_GROUP_ID", name));
        return env;
    }

    /** A connection to this fleet's database, for assertions on what the services recorded. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
    }

    /** Stops the box, drops the database and deletes the work directory (stop the services first). */
    @Override
    public void close() {
        box.stop();
        pg.dropDatabase(database);
        TempDirs.deleteQuietly(dir);
    }

    private static String topic(String name) {
        return "offops.inventory." + name;
    }
}
