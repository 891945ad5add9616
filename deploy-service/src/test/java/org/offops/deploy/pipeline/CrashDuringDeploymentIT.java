package org.offops.deploy.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.deploy.domain.Signature;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.Ports;
import org.offops.testkit.PostgresServer;
import org.offops.testkit.ServiceProcess;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TempDirs;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetInventory;
import org.offops.testkit.release.ProductOpenerStandIn;

/**
 * The packaged service is SIGKILLed mid-pipeline: after a restart no deployment stays RUNNING. Killed during
 * build_lang (cannot be re-run), obf is rolled back to v1.0.0; killed during verify-layout (re-runnable), that
 * step runs again and the deployment succeeds. Each container matches its deployment's end state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashDuringDeploymentIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path LOGS = Path.of("target", "it-logs");
    private static final String SECRET = "crash-it-secret";

    private static PostgresServer pg;
    private static String database;
    private static FleetBox box;
    private static ProductOpenerStandIn standIn;
    private static Map<String, String> env;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("deploy-crash-");
        box = FleetBox.builder(FleetSpecReader.read(Path.of("..").resolve(FleetSpecReader.REPO_PATH)))
                .root(dir.resolve("fleet")).loopbackNet(93).sshPort(22).hosts("off2", "obf", "opf").start();
        standIn = ProductOpenerStandIn.create(dir.resolve("po"));
        standIn.seed(box);
        String topic = "offops.inventory.deploy-crash-" + UUID.randomUUID();
        FleetInventory.events(box).forEach(e -> TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), topic, e));
        pg = SharedInfra.postgres();
        database = "offops_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        pg.createDatabase(database);
        env = new HashMap<>(Map.of("OFFOPS_DB_URL", pg.jdbcUrl(database), "OFFOPS_DB_USER", pg.user(),
                "OFFOPS_DB_PASSWORD", pg.password(), "OFFOPS_KAFKA_BOOTSTRAP", SharedInfra.kafkaBootstrap(),
                "OFFOPS_AUTH_TOKENS", TestTokens.config(), "OFFOPS_SSH_KEY", box.clientKey().toString(),
                "OFFOPS_WEBHOOK_SECRET", SECRET, "MP_MESSAGING_INCOMING_INVENTORY_EVENTS_TOPIC", topic,
                "MP_MESSAGING_INCOMING_INVENTORY_EVENTS_GROUP_ID", "deploy-crash-" + UUID.randomUUID(),
                "OFFOPS_DEPLOY_ASSET_DIR", dir.resolve("assets").toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (standIn != null) {
            standIn.close();
        }
        if (box != null) {
            box.stop();
        }
        if (pg != null && database != null) {
            pg.dropDatabase(database);
        }
        if (dir != null) {
            TempDirs.deleteTree(dir);
        }
    }

    @Test
    @Order(1)
    void deploymentKilledDuringANonRerunnableStepIsRolledBackAfterRestart() throws Exception {
        int port = Ports.free();
        ServiceProcess service = ServiceProcess.start("deploy-crash", JAR, port, env, LOGS.resolve("deploy-crash-1.log"));
        String release;
        try {
            awaitContainers(service.url(), List.of("obf", "opf"));
            box.slow("obf", Duration.ofMillis(1500));
            release = publish(service.url(), "v1.1.0");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "RUNNING".equals(stepState(service.url(), release, "obf", "build:build_lang")));
        } finally {
            service.kill();
        }
        box.slow("obf", Duration.ZERO);
        assertEquals("RUNNING", stateInDatabase(release, "obf"), "killed mid-pipeline");

        try (ServiceProcess restarted = ServiceProcess.start("deploy-crash", JAR, port, env,
                LOGS.resolve("deploy-crash-2.log"))) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    deployments(restarted.url(), release).getList("items.state", String.class).stream()
                            .allMatch(s -> List.of("SUCCEEDED", "ROLLED_BACK", "FAILED", "ROLLBACK_FAILED").contains(s)));
            JsonPath found = deployments(restarted.url(), release);
            assertEquals(2, found.getList("items").size());
            Map<String, String> states = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                states.put(found.getString("items[" + i + "].container"), found.getString("items[" + i + "].state"));
            }
            assertEquals("ROLLED_BACK", states.get("obf"), states.toString());
            assertEquals("v1.0.0", sh("obf", "git -C /srv/obf describe --tags"));
            assertEquals("/srv/obf-static-releases/v1.0.0", sh("obf", "readlink /srv/obf-static"));
            assertEquals("v1.0.0", served("obf"));
            String opfExpected = states.get("opf").equals("SUCCEEDED") ? "v1.1.0" : "v1.0.0";
            assertTrue(List.of("SUCCEEDED", "ROLLED_BACK").contains(states.get("opf")), states.toString());
            assertEquals(opfExpected, sh("opf", "git -C /srv/opf describe --tags"));
            assertEquals(opfExpected, served("opf"));
        }
    }

    @Test
    @Order(2)
    void deploymentKilledDuringARerunnableStepResumesWithThatStepAfterRestart() throws Exception {
        standIn.release("v1.2.0");
        int port = Ports.free();
        ServiceProcess service = ServiceProcess.start("deploy-crash", JAR, port, env, LOGS.resolve("deploy-crash-3.log"));
        String release;
        try {
            box.slow("obf", Duration.ofMillis(1500));
            release = publish(service.url(), "v1.2.0");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "RUNNING".equals(stepState(service.url(), release, "obf", "verify-layout")));
        } finally {
            service.kill();
        }
        box.slow("obf", Duration.ZERO);
        assertEquals("RUNNING", stateInDatabase(release, "obf"), "killed mid-pipeline");

        try (ServiceProcess restarted = ServiceProcess.start("deploy-crash", JAR, port, env,
                LOGS.resolve("deploy-crash-4.log"))) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "SUCCEEDED".equals(containerState(restarted.url(), release, "obf"))
                            || "ROLLED_BACK".equals(containerState(restarted.url(), release, "obf")));
            assertEquals("SUCCEEDED", containerState(restarted.url(), release, "obf"));
            assertEquals("2", stepField(restarted.url(), release, "obf", "verify-layout", "attempt"),
                    "the interrupted step ran again");
            assertEquals("v1.2.0", sh("obf", "git -C /srv/obf describe --tags"));
            assertEquals("v1.2.0", served("obf"));
        }
    }

    private static String containerState(String url, String release, String container) {
        List<Map<String, Object>> items = deployments(url, release).getList("items");
        return items.stream().filter(i -> container.equals(i.get("container"))).map(i -> (String) i.get("state"))
                .findFirst().orElse(null);
    }

    /** Reads the database directly, while the service is down. */
    private static String stateInDatabase(String release, String container) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
             var st = c.prepareStatement("select state from deploy.deployment where correlation_id = ? and container = ?")) {
            st.setString(1, release);
            st.setString(2, container);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String publish(String url, String tag) {
        byte[] body = standIn.releasePayload(tag).getBytes(StandardCharsets.UTF_8);
        return given().baseUri(url).contentType("application/json").header("X-GitHub-Event", "release")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", Signature.sign(SECRET, body)).body(body)
                .when().post("/webhooks/github").then().statusCode(202).extract().path("eventId");
    }

    private static void awaitContainers(String url, List<String> names) {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(url)
                .header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when().get("/fleet-view/containers")
                .then().statusCode(200).extract().jsonPath().<String>getList("name").containsAll(names));
    }

    private static JsonPath deployments(String url, String release) {
        return given().baseUri(url).header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .queryParam("release", release).when().get("/deployments").then().statusCode(200).extract().jsonPath();
    }

    private static String stepState(String url, String release, String container, String step) {
        return stepField(url, release, container, step, "state");
    }

    private static String stepField(String url, String release, String container, String step, String field) {
        List<Map<String, Object>> items = deployments(url, release).getList("items");
        return items.stream().filter(i -> container.equals(i.get("container"))).findFirst()
                .map(i -> given().baseUri(url).header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                        .when().get("/deployments/" + i.get("id")).then().extract().jsonPath()
                        .getString("steps.find { it.phase == 'deploy' && it.name == '" + step + "' }." + field))
                .orElse(null);
    }

    private static String sh(String host, String line) {
        return box.exec(host, line).orThrow().stdout().strip();
    }

    private static String served(String host) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + box.host(host).address()
                + "/version")).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
    }
}
