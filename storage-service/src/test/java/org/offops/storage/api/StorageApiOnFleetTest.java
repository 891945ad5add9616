package org.offops.storage.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.offops.storage.exec.PolicyScheduler;
import org.offops.storage.exec.SnapshotRunner;
import org.offops.storage.store.SnapshotLedger;
import org.offops.storage.store.StorageCatalog;
import org.offops.storage.store.TickClaims;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.EventCodec;
import org.offops.events.Topics;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/**
 * The API against the fleet-in-a-box (off2 primary, off1 replica, zfs stand-in): validated CRUD with dry runs, a
 * manual snapshot taken over SSH with SnapshotTaken, and retention that keeps the newest common snapshot.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,off1"), @ResourceArg(name = "net", value = "60")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageApiOnFleetTest {

    private static final String PRODUCTS = "rpool/off/products";
    private static final DateTimeFormatter FAKE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static long productsId;
    @Inject
    PolicyScheduler scheduler;
    @Inject
    StorageCatalog catalog;
    @Inject
    TickClaims claims;
    @Inject
    SnapshotRunner runner;
    @Inject
    SnapshotLedger ledger;
    private static long replicaId;

    @Test
    @Order(1)
    void dryRunRegistrationShowsThePlanAndChangesNothing() {
        pinThisBox(FleetBoxResource.box());
        operator().body(dataset("off2", PRODUCTS)).post("/datasets?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("steps", hasItem("register dataset off2:" + PRODUCTS));
        viewer().get("/datasets").then().statusCode(200).body("$", hasSize(0));
        productsId = operator().body(dataset("off2", PRODUCTS)).post("/datasets").then().statusCode(201)
                .extract().jsonPath().getLong("result.id");
    }

    @Test
    @Order(2)
    void badDatasetsAreRefusedNamingTheField() {
        operator().body(dataset("off9", PRODUCTS)).post("/datasets").then().statusCode(422)
                .body("field", equalTo("server"));
        operator().body(dataset("off2", "rpool/-x")).post("/datasets").then().statusCode(400)
                .body("field", equalTo("name"));
        operator().body(Map.of("server", "off2", "name", "rpool/x", "kind", "films", "scope", "shared"))
                .post("/datasets").then().statusCode(400).body("field", equalTo("kind"));
        viewer().body(dataset("off2", "rpool/x")).post("/datasets").then().statusCode(403);
    }

    @Test
    @Order(3)
    void routesAreValidatedAgainstTheFleet() {
        pinThisBox(FleetBoxResource.box());
        operator().body(route("of2:" + PRODUCTS, "off1:" + PRODUCTS)).post("/routes").then().statusCode(422)
                .body("field", equalTo("source.server"));
        operator().body(route("off2:rpool/opf/products", "off1:" + PRODUCTS)).post("/routes").then()
                .statusCode(422).body("field", equalTo("source.dataset"));
        operator().body(route("off2:" + PRODUCTS, "off1:" + PRODUCTS)).post("/routes?dryRun=true").then()
                .statusCode(200).body("steps[0]", equalTo("off1 pulls off2:" + PRODUCTS + " into " + PRODUCTS
                        + " (syncoid --no-sync-snap --no-privilege-elevation)"));
        viewer().get("/routes").then().body("$", hasSize(0));
        operator().body(route("off2:" + PRODUCTS, "off1:" + PRODUCTS)).post("/routes").then().statusCode(201);
        operator().body(route("off2:" + PRODUCTS, "off1:" + PRODUCTS)).post("/routes").then().statusCode(422)
                .body("field", equalTo("target"));
        operator().body(route("off1:" + PRODUCTS, "off2:" + PRODUCTS)).post("/routes").then().statusCode(422)
                .body("field", equalTo("target"));
        replicaId = viewer().get("/datasets").then().extract().jsonPath()
                .getLong("find { it.server == 'off1' }.id");
    }

    @Test
    @Order(4)
    void manualSnapshotIsTakenOverSshAndAnnounced() {
        FleetBox box = FleetBoxResource.box();
        pinThisBox(box);
        for (String host : List.of("off2", "off1")) {
            box.exec(host, "/usr/local/sbin/zpool create -m /rpool rpool && /usr/local/sbin/zfs create -p "
                    + PRODUCTS).orThrow();
        }
        operator().body(Map.of("period", "hourly")).post("/datasets/" + productsId + "/snapshots?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true));
        assertEquals("", box.exec("off2", "/usr/local/sbin/zfs list -H -t snapshot -o name").orThrow().stdout());
        String snapshot = operator().body(Map.of("period", "hourly")).post("/datasets/" + productsId + "/snapshots")
                .then().statusCode(201).extract().jsonPath().getString("result");
        assertTrue(snapshot.matches("autosnap_\\d{4}-\\d\\d-\\d\\d_\\d\\d:\\d\\d:\\d\\d_hourly"), snapshot);
        assertTrue(box.exec("off2", "/usr/local/sbin/zfs list -H -t snapshot -o name").orThrow().stdout()
                .contains(PRODUCTS + "@" + snapshot));
        viewer().get("/datasets/" + productsId + "/snapshots").then().body("name", hasItem(snapshot));
        TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE, records -> records.stream()
                .filter(r -> ("dataset/off2:" + PRODUCTS).equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .anyMatch(e -> e.type().equals("offops.storage.SnapshotTaken")
                        && snapshot.equals(e.data().get("snapshot").asText())), Duration.ofSeconds(30));
    }

    @Test
    @Order(5)
    void retentionDryRunShowsThePlanAndKeepsTheNewestCommonSnapshot() {
        FleetBox box = FleetBoxResource.box();
        pinThisBox(box);
        operator().body(Map.of("hourly", 1, "daily", 0, "monthly", 0)).put("/policies/one_hour").then()
                .statusCode(200);
        Instant now = Instant.now();
        for (int h = 5; h >= 2; h--) {
            Instant t = now.minusSeconds(h * 3600L);
            String snap = PRODUCTS + "@autosnap_" + NAME.format(t) + "_hourly";
            box.exec("off2", "faketime -f '" + FAKE.format(t) + "' /usr/local/sbin/zfs snapshot " + snap).orThrow();
            if (h == 4) {
                box.exec("off1", "faketime -f '" + FAKE.format(t) + "' /usr/local/sbin/zfs snapshot " + snap)
                        .orThrow();
            }
        }
        String common = "autosnap_" + NAME.format(now.minusSeconds(4 * 3600L)) + "_hourly";
        viewer().get("/datasets/" + replicaId + "/snapshots?refresh=true").then().body("name", hasItem(common));
        operator().put("/datasets/" + productsId + "/policy/one_hour").then().statusCode(200)
                .body("result.policy", equalTo("one_hour"));
        var plan = operator().post("/datasets/" + productsId + "/prune?dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        List<String> destroy = plan.getList("result.destroy.snapshot");
        assertEquals(3, destroy.size(), plan.prettify());
        assertFalse(destroy.contains(common), plan.prettify());
        assertEquals(List.of(common), plan.getList("result.spared.snapshot"));
        assertEquals(5, snapshotsOn(box, "off2").size(), "a dry run destroys nothing");
        operator().post("/datasets/" + productsId + "/prune").then().statusCode(200);
        List<String> left = snapshotsOn(box, "off2");
        assertEquals(2, left.size(), left.toString());
        assertTrue(left.contains(PRODUCTS + "@" + common), left.toString());
    }

    @Test
    @Order(6)
    void replicationReportShowsLagAndCounts() {
        viewer().get("/replication").then().statusCode(200)
                .body("lagThresholdSeconds", equalTo(25200)).body("countThreshold", equalTo(150))
                .body("routes[0].source", equalTo("off2:" + PRODUCTS))
                .body("routes[0].alarm", equalTo(false))
                .body("datasets.find { it.dataset == 'off2:" + PRODUCTS + "' }.snapshots", equalTo(2));
    }

    @Test
    @Order(7)
    void twoSchedulerInstancesTakeEachDueSnapshotOnce() throws Exception {
        FleetBox box = FleetBoxResource.box();
        pinThisBox(box);
        int before = snapshotsOn(box, "off2").size();
        PolicyScheduler other = new PolicyScheduler(catalog, claims, runner, ledger);
        Instant now = Instant.now();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> scheduler.tick(now)));
            var second = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> other.tick(now)));
            assertEquals(1, first.get() + second.get(), "one hourly snapshot is due, and it is taken once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, snapshotsOn(box, "off2").size());
        // the same slot again, from either instance: nothing more
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> other.tick(now)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> scheduler.tick(now.plusSeconds(1))));
    }

    private static List<String> snapshotsOn(FleetBox box, String host) {
        String out = box.exec(host, "/usr/local/sbin/zfs list -H -t snapshot -o name").orThrow().stdout();
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    private static Map<String, Object> dataset(String server, String name) {
        return Map.of("server", server, "name", name, "kind", "products", "flavor", "off", "scope", "flavor");
    }

    private static Map<String, Object> route(String source, String target) {
        return Map.of("source", source, "target", target);
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(TestTokens.VIEWER).contentType(ContentType.JSON);
    }

    /** Waits until the fleet view shows this box's hosts (run without OFFOPS_KAFKA_BOOTSTRAP when sharing). */
    private static void pinThisBox(FleetBox box) {
        FleetInventory.awaitFleetView(box, Duration.ofSeconds(90));
    }

}
