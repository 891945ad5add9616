package org.offops.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.offops.testkit.Ports;
import org.offops.testkit.PostgresServer;
import org.offops.testkit.ServiceProcess;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestTokens;

/**
 * Two packaged services as separate processes on the real broker: inventory-service's outbox publishes,
 * deploy-service's idempotent consumer applies. Includes a relay killed (SIGKILL) after publishing a batch
 * it could not mark as sent.
 */
class OutboxAcrossServicesIT {

    private static final Path LOGS = Path.of("target", "it-logs");
    private static final Pattern APPLIED = Pattern.compile(
            "offops_inbox_events_total\\{consumer=\"deploy-service/fleet-view\",outcome=\"(applied|duplicate)\"[^}]*} ([0-9.E]+)");

    private static PostgresServer pg;
    private static String database;
    private static Map<String, String> env;
    private static ServiceProcess inventory;
    private static ServiceProcess deploy;

    @BeforeAll
    static void startServices() {
        pg = SharedInfra.postgres();
        database = "offops_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        pg.createDatabase(database);
        env = Map.of(
                "OFFOPS_DB_URL", pg.jdbcUrl(database),
                "OFFOPS_DB_USER", pg.user(),
                "OFFOPS_DB_PASSWORD", pg.password(),
                "OFFOPS_KAFKA_BOOTSTRAP", SharedInfra.kafkaBootstrap(),
                "OFFOPS_AUTH_TOKENS", TestTokens.config());
        inventory = startInventory();
        for (String datacenter : new String[] {"free", "ovh"}) {
            given().baseUri(inventory.url()).header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                    .contentType(ContentType.JSON).body("{\"name\":\"" + datacenter + "\"}")
                    .when().put("/datacenters/" + datacenter).then().statusCode(200);
        }
        deploy = ServiceProcess.start("deploy-service", Path.of("target/quarkus-app/quarkus-run.jar"),
                Ports.free(), env, LOGS.resolve("deploy-service.log"));
    }

    private static ServiceProcess startInventory() {
        return ServiceProcess.start("inventory-service",
                Path.of("../inventory-service/target/quarkus-app/quarkus-run.jar"), Ports.free(), env,
                LOGS.resolve("inventory-service.log"));
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {deploy, inventory}) {
            if (service != null) {
                service.close();
            }
        }
        if (pg != null && database != null) {
            pg.dropDatabase(database);
        }
    }

    @Test
    void serverRegisteredInInventoryIsConsumedByDeploy() {
        registerServer("off2", "127.0.0.3");
        await().atMost(Duration.ofSeconds(30)).until(() -> knownServers().contains("off2"));
    }

    @Test
    void relayKilledBeforeMarkingABatchLosesNothingAndEachEventIsAppliedOnce() throws SQLException {
        double appliedBefore = deployInbox("applied");
        double duplicatesBefore = deployInbox("duplicate");
        int count = 200;
        // Every attempt to mark the batch as sent fails after Kafka acknowledged it: the relay's crash window.
        sql("create or replace function inventory.refuse_mark() returns trigger language plpgsql as "
                + "$$ begin raise exception 'simulated crash before marking the batch sent'; end $$");
        sql("create trigger refuse_mark before update on inventory.outbox_event "
                + "for each statement execute function inventory.refuse_mark()");
        for (int i = 0; i < count; i++) {
            registerServer("bulk%03d".formatted(i), "127.0.1." + (i % 250 + 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deployInbox("duplicate") - duplicatesBefore >= count);
        assertEquals(count, unsentRows(), "the relay could not mark anything before it was killed");

        inventory.kill();
        sql("drop trigger refuse_mark on inventory.outbox_event");
        inventory = startInventory();

        await().atMost(Duration.ofSeconds(60)).until(() -> unsentRows() == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> knownServers().stream()
                .filter(name -> name.startsWith("bulk")).count() == count);
        assertEquals(count, deployInbox("applied") - appliedBefore, 0.0, "each event applied exactly once");
        assertTrue(deployInbox("duplicate") - duplicatesBefore >= count, "redeliveries were seen and skipped");
    }

    @Test
    void serviceStartedAfterTheChangesRebuildsItsReadModelFromTheTopic() {
        registerServer("late1", "127.0.0.71");
        registerServer("late2", "127.0.0.72");
        await().atMost(Duration.ofSeconds(30)).until(() -> knownServers().containsAll(List.of("late1", "late2")));

        String lateDatabase = database + "_late";
        pg.createDatabase(lateDatabase);
        Map<String, String> lateEnv = new java.util.HashMap<>(env);
        lateEnv.put("OFFOPS_DB_URL", pg.jdbcUrl(lateDatabase));
        // A new consumer group and an empty database: everything it knows must come from the topic's history.
        lateEnv.put("MP_MESSAGING_INCOMING_INVENTORY_EVENTS_GROUP_ID", "late-deploy-" + UUID.randomUUID());
        try (ServiceProcess late = ServiceProcess.start("deploy-service-late",
                Path.of("target/quarkus-app/quarkus-run.jar"), Ports.free(), lateEnv,
                LOGS.resolve("deploy-service-late.log"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(late.url())
                    .header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                    .when().get("/fleet-view/servers").then().statusCode(200).extract().jsonPath()
                    .getList("name").containsAll(List.of("late1", "late2")));
        } finally {
            pg.dropDatabase(lateDatabase);
        }
    }

    private static void registerServer(String name, String host) {
        given().baseUri(inventory.url()).header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"datacenter\":\"free\",\"sshHost\":\"%s\",\"sshPort\":22,\"role\":\"production\"}"
                        .formatted(name, host))
                .when().post("/servers").then().statusCode(201);
    }

    private static List<String> knownServers() {
        return given().baseUri(deploy.url()).header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .when().get("/fleet-view/servers").then().statusCode(200).extract().jsonPath().getList("name");
    }

    private static double deployInbox(String outcome) {
        String metrics = given().baseUri(deploy.url()).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = APPLIED.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals(outcome)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static long unsentRows() throws SQLException {
        try (Connection c = connect(); var rs = c.createStatement()
                .executeQuery("select count(*) from inventory.outbox_event where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
    }
}
