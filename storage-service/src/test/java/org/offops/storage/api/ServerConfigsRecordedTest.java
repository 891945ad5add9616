package org.offops.storage.api;

import static io.restassured.RestAssured.given;
import static org.offops.storage.api.ConfigRepoTestResource.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.EventEnvelope;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerState;
import org.offops.events.inventory.ServerUpdated;
import org.offops.storage.domain.render.FleetConfigs;
import org.offops.storage.domain.render.ServerConfigs;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.sanoid.SanoidConfWriter;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;
import org.offops.storage.domain.syncoid.SyncoidArgsWriter;
import org.offops.storage.domain.syncoid.SyncoidLine;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.MountCatalog;
import org.offops.storage.store.ServerConfigRecord;
import org.offops.storage.store.StorageModel;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

/**
 * Every committed model change that alters a server's sanoid.conf or syncoid-args.conf is recorded in the
 * infrastructure git repository (one commit per server it changes, naming the change and the actor), dry runs and
 * unchanged renders record nothing, and a failed push is retried without losing the change.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(ConfigRepoTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerConfigsRecordedTest {

    private static final String PRODUCTS = "rpool/off/products";
    private static final String SANOID = "confs/%s/etc/sanoid/sanoid.conf";
    private static final String SYNCOID = "confs/%s/etc/sanoid/syncoid-args.conf";
    private static final Map<String, Object> LOCAL_DATA = Map.of("frequentPeriod", 30, "hourly", 36, "daily", 30,
            "monthly", 3, "recursive", true);
    private static final Route ROUTE = new Route(new DatasetRef("off2", PRODUCTS), new DatasetRef("off1", PRODUCTS),
            false);
    private static long productsId;
    private static long routeId;

    @Inject
    StorageModel model;
    @Inject
    MountCatalog mounts;

    @Test
    @Order(1)
    void eachChangeIsCommittedForTheServerItChangesNamingTheChangeAndTheActor() {
        announce("off2", "10.0.0.2");
        announce("off1", "10.0.0.1");
        int before = commits();
        operator().body(LOCAL_DATA).put("/policies/local_data").then().statusCode(200);
        productsId = operator().body(Map.of("server", "off2", "name", PRODUCTS, "kind", "products", "flavor", "off",
                "scope", "flavor", "policy", "local_data")).post("/datasets").then().statusCode(201).extract()
                .jsonPath().getLong("result.id");
        routeId = operator().body(Map.of("source", "off2:" + PRODUCTS, "target", "off1:" + PRODUCTS)).post("/routes")
                .then().statusCode(201).extract().jsonPath().getLong("result.id");

        awaitCommits(before + 2);
        assertEquals(List.of("storage-service: add route off2:" + PRODUCTS + " -> off1:" + PRODUCTS
                        + " (by token:test-operator)",
                "storage-service: register dataset off2:" + PRODUCTS + " (by token:test-operator)"), subjects(2));
        String body = git("log", "-1", "--format=%B", "main");
        assertTrue(body.contains("\nServer: off1\n") && body.contains("\nEvent-Id: "), body);

        SnapshotPolicy localData = SnapshotPolicy.localData();
        assertFilesInGit("off2", ServerConfigs.render(Map.of(PRODUCTS, localData), List.of(), Map.of(), "root"));
        Map<String, String> replica = ServerConfigs.render(Map.of(PRODUCTS, localData.withAutosnap(false)),
                List.of(ROUTE), Map.of("off2", "10.0.0.2"), "root");
        assertFilesInGit("off1", replica);

        JsonPath config = viewer().get("/servers/off1/config").then().statusCode(200).extract().jsonPath();
        assertEquals(replica, config.getMap("files"));
        assertEquals(git("rev-parse", "main").strip(), config.getString("recorded.commitId"));
        assertEquals("add route off2:" + PRODUCTS + " -> off1:" + PRODUCTS, config.getString("recorded.change"));
        assertEquals(0, config.getInt("pending"));
    }

    @Test
    @Order(2)
    void dryRunsRecordNothing() throws InterruptedException {
        int before = commits();
        String change = viewer().get("/servers/off2/config").then().extract().path("recorded.changeId");
        operator().body(Map.of("server", "off2", "name", "rpool/off/images", "kind", "images", "flavor", "off",
                "scope", "flavor", "policy", "local_data")).post("/datasets?dryRun=true").then().statusCode(200);
        operator().body(Map.of("hourly", 5)).put("/policies/local_data?dryRun=true").then().statusCode(200);
        operator().body(Map.of("hourly", 5)).put("/policies/other?dryRun=true").then().statusCode(200);
        admin().delete("/routes/" + routeId + "?dryRun=true").then().statusCode(200);
        Thread.sleep(2500); // several retry passes (1 s in this test): anything staged would be committed by now
        assertEquals(before, commits());
        viewer().get("/servers/off2/config").then().statusCode(200).body("recorded.changeId",
                org.hamcrest.Matchers.equalTo(change)).body("pending", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    @Order(3)
    void repeatingTheSameChangeMakesNoCommit() throws InterruptedException {
        int before = commits();
        operator().body(LOCAL_DATA).put("/policies/local_data").then().statusCode(200);
        operator().put("/datasets/" + productsId + "/policy/local_data").then().statusCode(200);
        Thread.sleep(2500);
        assertEquals(before, commits());
    }

    @Test
    @Order(4)
    void aPolicyChangeIsRecordedOnEveryServerItReachesUnderOneChangeId() {
        int before = commits();
        Map<String, Object> wider = new java.util.HashMap<>(LOCAL_DATA);
        wider.put("hourly", 48);
        operator().body(wider).put("/policies/local_data").then().statusCode(200);
        awaitCommits(before + 2);
        assertEquals(List.of("storage-service: set policy local_data (by token:test-operator)",
                "storage-service: set policy local_data (by token:test-operator)"), subjects(2));
        List<String> ids = List.of(git("log", "-2", "--format=%(trailers:key=Event-Id,valueonly)", "main")
                .strip().split("\\s+"));
        assertEquals(2, ids.size(), ids.toString());
        assertEquals(ids.get(0), ids.get(1), "both servers' commits name the one change");
    }

    @Test
    @Order(5)
    void recordedFilesReadBackWithTheProductionParsers() {
        String sanoid = git("show", "main:" + SANOID.formatted("off1"));
        var conf = SanoidConfParser.parse(sanoid);
        assertEquals(List.of(), conf.ambiguities());
        SnapshotPolicy expected = new SnapshotPolicy(30, Map.of(Period.HOURLY, 48, Period.DAILY, 30, Period.MONTHLY,
                3), false, true, true, false);
        assertEquals(expected, PolicyResolver.policyOf(conf.conf(), PRODUCTS));
        assertEquals(sanoid, SanoidConfWriter.write(conf.conf()));

        String args = git("show", "main:" + SYNCOID.formatted("off1"));
        var parsed = SyncoidArgsParser.parse(args);
        assertEquals(List.of(), parsed.ambiguities());
        SyncoidLine line = parsed.args().lines().get(0);
        assertEquals(SyncoidLine.Direction.PULL, line.direction());
        assertEquals("root@10.0.0.2:" + PRODUCTS, line.source().format());
        assertEquals(PRODUCTS, line.target().format());
        assertEquals(args, SyncoidArgsWriter.write(parsed.args()));
        String history = git("log", "-p", "--all");
        for (String secret : List.of("pull_key", "id_ed25519", "PRIVATE KEY", TestTokens.OPERATOR)) {
            assertFalse(history.contains(secret), "no key path, key or token in the repository: " + secret);
        }
    }

    @Test
    @Order(6)
    void aChangeWhoseRecordingFailsStaysPendingAndIsCommittedOnceGitIsBack() throws Exception {
        int before = commits();
        Path bare = ConfigRepoTestResource.bareRepo();
        Path away = bare.resolveSibling("infra.git.away");
        Files.move(bare, away);
        try {
            admin().delete("/routes/" + routeId).then().statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                JsonPath c = viewer().get("/servers/off1/config").then().extract().jsonPath();
                return c.getInt("pending") == 1 && c.getString("lastError") != null;
            });
        } finally {
            Files.move(away, bare);
        }
        awaitCommits(before + 1);
        assertEquals(List.of("storage-service: remove route " + routeId + " (off2:" + PRODUCTS + " -> off1:" + PRODUCTS
                + ") (by token:test-admin)"), subjects(1));
        assertFilesInGit("off1", ServerConfigs.render(Map.of(), List.of(), Map.of(), "root"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> viewer().get("/servers/off1/config").then()
                .extract().jsonPath().getInt("pending") == 0);
        JsonPath config = viewer().get("/servers/off1/config").then().extract().jsonPath();
        assertEquals(git("rev-parse", "main").strip(), config.getString("recorded.commitId"));
        assertNotNull(config.getString("recorded.recordedAt"));
    }

    @Test
    @Order(7)
    void unknownOrMalformedServersAreRefused() {
        viewer().get("/servers/off9/config").then().statusCode(404);
        viewer().get("/servers/-off/config").then().statusCode(400).body("field", org.hamcrest.Matchers
                .equalTo("server"));
        given().get("/servers/off1/config").then().statusCode(401);
    }

    @Test
    @Order(8)
    void anImportIsAppliedAsOneChangeAndRecordedOnce() throws InterruptedException {
        announce("off3", "10.0.0.3");
        String sanoid = "[template_local_data]\n\tfrequent_period = 30\n\thourly = 36\n\tdaily = 30\n"
                + "\tmonthly = 3\n\n[zfs-hdd/obf/products]\n\tuse_template = local_data\n\n"
                + "[zfs-hdd/obf/images]\n\tuse_template = local_data\n\thourly = 12\n";
        int before = commits();
        text().body(sanoid).post("/imports/sanoid/off3?dryRun=true").then().statusCode(200)
                .body("dryRun", org.hamcrest.Matchers.equalTo(true))
                .body("steps", org.hamcrest.Matchers.hasItem("create policy local_data_2 (from [zfs-hdd/obf/images])"));
        viewer().get("/servers/off3/config").then().statusCode(200).body("recorded", org.hamcrest.Matchers.nullValue());
        text().body(sanoid).post("/imports/sanoid/off3").then().statusCode(200)
                .body("steps", org.hamcrest.Matchers.hasSize(4));
        awaitCommits(before + 1);
        assertEquals(List.of("storage-service: import sanoid.conf into off3 (4 steps) (by token:test-operator)"),
                subjects(1));
        JsonPath config = viewer().get("/servers/off3/config").then().extract().jsonPath();
        assertEquals(config.getString("files.'" + ServerConfigs.SANOID_CONF + "'"),
                git("show", "main:" + SANOID.formatted("off3")));

        text().body(sanoid).post("/imports/sanoid/off3").then().statusCode(200)
                .body("steps", org.hamcrest.Matchers.hasSize(0));
        text().body("[zfs-hdd/obf/cache]\n\thourly = 1\n[zfs-hdd/obf/cache]\n\thourly = 2\n")
                .post("/imports/sanoid/off3").then().statusCode(422).body("field", org.hamcrest.Matchers.equalTo("body"));
        text().body("--no-sync-snap --no-privilege-elevation root@10.0.0.3:zfs-hdd/obf/nope zfs-hdd/obf/nope\n")
                .post("/imports/syncoid/off1").then().statusCode(422);
        text().body("--no-sync-snap --no-privilege-elevation root@10.0.0.9:zfs-hdd/obf/products zfs-hdd/obf/p\n")
                .post("/imports/syncoid/off1").then().statusCode(422).body("error",
                        org.hamcrest.Matchers.containsString("10.0.0.9 is not a known server"));
        Thread.sleep(2500);
        assertEquals(before + 1, commits(), "a repeated or refused import records nothing");

        text().body("--no-sync-snap --no-privilege-elevation root@10.0.0.3:zfs-hdd/obf/products"
                + " zfs-hdd/obf/products\n").post("/imports/syncoid/off1").then().statusCode(200);
        awaitCommits(before + 2);
        assertEquals(List.of("storage-service: import syncoid-args.conf into off1 (1 routes) (by token:test-operator)"),
                subjects(1));
        assertTrue(git("show", "main:" + SYNCOID.formatted("off1")).contains(
                "root@10.0.0.3:zfs-hdd/obf/products zfs-hdd/obf/products"));
    }

    @Test
    @Order(9)
    void aSourcesPolicyAndNameReachItsReplicasServer() {
        DatasetRef source = new DatasetRef("off3", "zfs-hdd/obf/products"); // pulled by off1 since the last import
        long id = viewer().get("/datasets").then().extract().jsonPath()
                .getLong("find { it.server == 'off3' && it.name == '" + source.dataset() + "' }.id");
        int before = commits();
        operator().put("/datasets/" + id + "/policy/local_data_2").then().statusCode(200);
        awaitCommits(before + 2);
        assertEquals(List.of("off1", "off3"), List.of(git("log", "-2", "--format=%(trailers:key=Server,valueonly)",
                "main").strip().split("\\s+")).stream().sorted().toList());
        SnapshotPolicy sourcePolicy = PolicyResolver.policyOf(SanoidConfParser.parse(git("show", "main:"
                + SANOID.formatted("off3"))).conf(), source.dataset());
        assertEquals(12, sourcePolicy.counts().get(Period.HOURLY));
        assertEquals(sourcePolicy.withAutosnap(false), PolicyResolver.policyOf(SanoidConfParser.parse(git("show",
                "main:" + SANOID.formatted("off1"))).conf(), "zfs-hdd/obf/products"),
                "the replica prunes as its source");

        DatasetEntity dataset = QuarkusTransaction.requiringNew().call(() -> DatasetEntity.byRef(source).orElseThrow());
        mounts.datasetRenamed(dataset, "zfs-hdd/obf/products-v2", "test");
        awaitCommits(before + 4);
        assertTrue(git("show", "main:" + SYNCOID.formatted("off1")).contains(
                "root@10.0.0.3:zfs-hdd/obf/products-v2 zfs-hdd/obf/products\n"), "off1 pulls the renamed source");
        // git holds the history: once recorded, a server keeps only its newest row
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ServerConfigRecord.count("server", "off1")) == 1);
    }

    @Test
    @Order(10)
    void aServerMovedByInventoryIsPulledFromItsNewAddress() {
        int before = commits();
        ServerState moved = new ServerState("off3", "test", "10.0.0.33", 22, "SHA256:off3", "storage");
        TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), ConfigRepoTestResource.inventoryTopic(),
                EventEnvelope.of("/test", "server/off3", null, "test", new ServerUpdated(moved)));
        awaitCommits(before + 1);
        assertEquals(List.of("storage-service: server off3 now reached at 10.0.0.33 (inventory) (by storage-service)"),
                subjects(1));
        assertTrue(git("show", "main:" + SYNCOID.formatted("off1")).contains(
                "root@10.0.0.33:zfs-hdd/obf/products-v2 zfs-hdd/obf/products\n"), "off1 pulls from off3's new address");
    }

    /** What the ledger promises after every committed change: each server's newest staged files are its render. */
    @AfterEach
    void everyServersNewestStagedFilesAreItsRender() {
        QuarkusTransaction.requiringNew().run(() -> {
            FleetConfigs.Model now = model.read();
            Set<String> servers = new TreeSet<>(ServerConfigRecord.<ServerConfigRecord>listAll().stream()
                    .map(r -> r.server).toList());
            now.datasets().forEach(d -> servers.add(d.ref().server()));
            servers.forEach(server -> assertEquals(FleetConfigs.render(now, server), ServerConfigRecord.latest(server)
                    .map(ServerConfigRecord::files).orElse(null), server + " has a stale staged render"));
        });
    }

    private static void assertFilesInGit(String server, Map<String, String> files) {
        assertEquals(files.get(ServerConfigs.SANOID_CONF), git("show", "main:" + SANOID.formatted(server)));
        assertEquals(files.get(ServerConfigs.SYNCOID_ARGS), git("show", "main:" + SYNCOID.formatted(server)));
    }

    private static int commits() {
        return Integer.parseInt(git("rev-list", "--count", "main").strip());
    }

    private static void awaitCommits(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> commits() >= count);
        assertEquals(count, commits(), git("log", "--format=%s", "main"));
    }

    private static List<String> subjects(int n) {
        return List.of(git("log", "-" + n, "--format=%s", "main").strip().split("\n"));
    }

    /** Tells the service about a server the way inventory-service does, on this test's private topic. */
    private static void announce(String server, String address) {
        ServerState state = new ServerState(server, "test", address, 22, "SHA256:" + server, "storage");
        TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), ConfigRepoTestResource.inventoryTopic(),
                EventEnvelope.of("/test", "server/" + server, null, "test", new ServerRegistered(state)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> viewer().get("/fleet-view/servers").then()
                .extract().asString().contains("\"" + server + "\""));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }

    private static RequestSpecification text() {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.TEXT);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON);
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(TestTokens.VIEWER).contentType(ContentType.JSON);
    }
}
