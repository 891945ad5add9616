package org.offops.storage.clone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.storage.exec.PolicyScheduler;
import org.offops.storage.replication.ReplicationPools;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/**
 * ovh3's staging clone on the fleet-in-a-box (off2 → off1 and ovh3 with real syncoid, zfs stand-in): the chain
 * SnapshotTaken → SnapshotReplicated → CloneRefreshed shares one correlation id, a refresh creates the new clone before
 * destroying the old one, a step cut by a fault leaves a clone at the name and the next round finishes it, and the
 * clone's origin snapshot survives pruning; removing the rule keeps the clone.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,off1,ovh3"), @ResourceArg(name = "net", value = "63")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StagingClonesOnFleetTest {

    private static final String PRODUCTS = "rpool/off/products";
    private static final String CLONE = "rpool/staging-clones/off/products";
    private static final String ZFS = "/usr/local/sbin/zfs";
    private static long productsId;
    private static long ruleId;
    private static String firstDaily;
    private static String secondDaily;
    private static String thirdDaily;
    private static long onOvh3;
    @Inject
    PolicyScheduler scheduler;

    @BeforeEach
    void fleetViewShowsThisBox() {
        FleetInventory.awaitFleetView(FleetBoxResource.box(), Duration.ofSeconds(90));
    }

    @Test
    @Order(1)
    void aPolicyTickCreatesOvh3sStagingCloneUnderTheSnapshotsCorrelationId() throws IOException {
        FleetBox box = FleetBoxResource.box();
        ReplicationPools.source(box, "off2", PRODUCTS);
        ReplicationPools.target(box, "off1", "rpool/off");
        ReplicationPools.target(box, "ovh3", "rpool/off");
        Files.writeString(box.host("off2").path("/rpool/off/products/products.csv"), "code\n1\n");
        operator().body(Map.of("hourly", 36, "daily", 30, "monthly", 3)).put("/policies/local_data").then()
                .statusCode(200);
        productsId = operator().body(Map.of("server", "off2", "name", PRODUCTS, "kind", "products", "flavor", "off",
                "scope", "flavor", "policy", "local_data")).post("/datasets").then().statusCode(201).extract()
                .jsonPath().getLong("result.id");
        for (String target : List.of("off1", "ovh3")) {
            operator().body(Map.of("source", "off2:" + PRODUCTS, "target", target + ":" + PRODUCTS)).post("/routes")
                    .then().statusCode(201);
        }
        refused(Map.of("origin", "ovh3:rpool/off/nope", "clone", CLONE), 422, "origin");
        refused(Map.of("origin", "ovh3:" + PRODUCTS, "clone", "rpool/staging clones"), 400, "clone");
        refused(Map.of("origin", "ovh3:" + PRODUCTS, "clone", "tank/staging-clones/off/products"), 422, "clone");
        refused(Map.of("origin", "ovh3:" + PRODUCTS, "clone", "off1:" + CLONE), 422, "clone");
        refused(Map.of("origin", "ovh3:" + PRODUCTS, "clone", PRODUCTS + "/staging"), 422, "clone");
        refused(Map.of("origin", "ovh3:" + PRODUCTS, "clone", CLONE, "period", "fortnightly"), 400, "period");
        box.exec("ovh3", ZFS + " create -p rpool/staging-clones/handmade").orThrow();
        refused(Map.of("origin", "ovh3:" + PRODUCTS, "clone", "rpool/staging-clones/handmade"), 409, "clone");
        operator().body(Map.of("origin", "ovh3:" + PRODUCTS, "clone", CLONE)).post("/clone-rules?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true));
        viewer().get("/clone-rules").then().body("size()", equalTo(0));
        ruleId = operator().body(Map.of("origin", "ovh3:" + PRODUCTS, "clone", CLONE)).post("/clone-rules").then()
                .statusCode(201).body("result.period", equalTo("daily")).extract().jsonPath().getLong("result.id");

        assertEquals(3, scheduler.tick(Instant.now()), "hourly, daily and monthly are due");
        firstDaily = newest(box, "off2", "_daily");
        String correlation = correlationOf(firstDaily);
        List<EventEnvelope> refreshed = events(e -> e.type().equals("offops.storage.CloneRefreshed")
                && e.correlationid().equals(correlation), 1);
        assertEquals(PRODUCTS + "@" + firstDaily, refreshed.get(0).data().get("originSnapshot").asText());
        assertTrue(refreshed.get(0).data().path("previousOriginSnapshot").isMissingNode()
                || refreshed.get(0).data().get("previousOriginSnapshot").isNull(), "a first clone has no previous");
        for (String target : List.of("off1", "ovh3")) {
            assertFalse(events(e -> e.type().equals("offops.storage.SnapshotReplicated")
                    && e.correlationid().equals(correlation) && e.data().get("targetServer").asText()
                    .equals(target), 1).isEmpty(), "one chain: SnapshotReplicated to " + target);
        }
        assertEquals(PRODUCTS + "@" + firstDaily, origin(box, CLONE));
        assertEquals("code\n1\n", Files.readString(box.host("ovh3").path("/" + CLONE + "/products.csv")));
        viewer().get("/clone-rules/" + ruleId).then().body("state", equalTo("ok"))
                .body("originSnapshot", equalTo(PRODUCTS + "@" + firstDaily));
    }

    @Test
    @Order(2)
    void theNextDailyRefreshesTheCloneNewCloneFirstWhileReplicationKeepsReceiving() throws IOException {
        FleetBox box = FleetBoxResource.box();
        Files.writeString(box.host("off2").path("/rpool/off/products/products.csv"), "code\n1\n2\n");
        secondDaily = takeDaily();
        String correlation = correlationOf(secondDaily);
        EventEnvelope refreshed = events(e -> e.type().equals("offops.storage.CloneRefreshed")
                && e.correlationid().equals(correlation), 1).get(0);
        assertEquals(PRODUCTS + "@" + secondDaily, refreshed.data().get("originSnapshot").asText());
        assertEquals(PRODUCTS + "@" + firstDaily, refreshed.data().get("previousOriginSnapshot").asText());
        assertEquals("code\n1\n2\n", Files.readString(box.host("ovh3").path("/" + CLONE + "/products.csv")));
        List<String> calls = calls(box);
        int created = calls.indexOf("zfs clone " + PRODUCTS + "@" + secondDaily + " " + CLONE + "_new");
        int destroyed = calls.indexOf("zfs destroy " + CLONE + "_old");
        assertTrue(created >= 0 && created < destroyed, "new clone before the old one is destroyed:\n" + calls);
        int firstClone = calls.indexOf("zfs clone -p " + PRODUCTS + "@" + firstDaily + " " + CLONE);
        assertTrue(calls.subList(firstClone, calls.size()).stream().anyMatch(l -> l.contains("receive -s -F " + PRODUCTS)), "syncoid's incremental receive ran while the clone existed:\n" + calls);
        assertEquals(List.of(CLONE), datasets(box, CLONE), "no leftovers");
        operator().post("/clone-rules/" + ruleId + "/refresh?dryRun=true").then().statusCode(200)
                .body("result.kind", equalTo("UP_TO_DATE"));
    }

    @Test
    @Order(3)
    void aCutSwapLeavesTheOldCloneAtTheNameAndItsOriginIsNotPruned() throws IOException {
        FleetBox box = FleetBoxResource.box();
        // the swap's second rename fails once: the old clone must be put back at the name at once
        Files.writeString(box.host("ovh3").path("/var/lib/offops-zfs/faults"), "fail 1 rename \\S+_new \n");
        Files.writeString(box.host("off2").path("/rpool/off/products/products.csv"), "code\n1\n2\n3\n");
        thirdDaily = takeDaily();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                "failed".equals(viewer().get("/clone-rules/" + ruleId).then().extract().path("state")));
        String error = viewer().get("/clone-rules/" + ruleId).then().extract().path("lastError");
        assertTrue(error.contains("ovh3") && error.contains("rename"), error);
        assertEquals(PRODUCTS + "@" + secondDaily, origin(box, CLONE), "the old clone is back at the name");
        assertEquals(PRODUCTS + "@" + thirdDaily, origin(box, CLONE + "_new"), "the replacement is kept for reuse");
        assertEquals("code\n1\n2\n", Files.readString(box.host("ovh3").path("/" + CLONE + "/products.csv")));

        // retention on ovh3 keeping nothing: only the clone's origin, the pending replacement's and the newest
        // snapshot common with off2 survive
        operator().body(Map.of("hourly", 0, "daily", 0, "monthly", 0)).put("/policies/keep_none").then()
                .statusCode(200);
        onOvh3 = viewer().get("/datasets").then().extract().jsonPath()
                .getLong("find { it.server == 'ovh3' && it.name == '" + PRODUCTS + "' }.id");
        operator().put("/datasets/" + onOvh3 + "/policy/keep_none").then().statusCode(200);
        var plan = operator().post("/datasets/" + onOvh3 + "/prune?dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        List<String> destroy = plan.getList("result.destroy.snapshot", String.class);
        assertTrue(destroy.contains(firstDaily), plan.prettify());
        assertTrue(plan.getList("result.spared.snapshot", String.class).containsAll(List.of(secondDaily,
                thirdDaily)), plan.prettify());
        operator().post("/datasets/" + onOvh3 + "/prune").then().statusCode(200);
        List<String> left = snapshots(box, "ovh3");
        assertEquals(List.of(secondDaily, thirdDaily), left);
    }

    @Test
    @Order(4)
    void theNextRoundFinishesTheCutRefresh() throws IOException {
        FleetBox box = FleetBoxResource.box();
        operator().post("/clone-rules/" + ruleId + "/refresh?dryRun=true").then().statusCode(200)
                .body("result.kind", equalTo("REFRESH"))
                .body("steps", equalTo(List.of("zfs rename " + CLONE + " " + CLONE + "_old",
                        "zfs rename " + CLONE + "_new " + CLONE, "zfs destroy " + CLONE + "_old")));
        operator().post("/clone-rules/" + ruleId + "/refresh").then().statusCode(200);
        assertEquals(PRODUCTS + "@" + thirdDaily, origin(box, CLONE));
        assertEquals(List.of(CLONE), datasets(box, CLONE), "no leftovers");
        assertEquals("code\n1\n2\n3\n", Files.readString(box.host("ovh3").path("/" + CLONE + "/products.csv")));
        EventEnvelope refreshed = events(e -> e.type().equals("offops.storage.CloneRefreshed")
                && e.data().get("originSnapshot").asText().equals(PRODUCTS + "@" + thirdDaily), 1).get(0);
        assertEquals(PRODUCTS + "@" + secondDaily, refreshed.data().get("previousOriginSnapshot").asText());
        viewer().get("/clone-rules/" + ruleId).then().body("state", equalTo("ok"))
                .body("pendingSnapshot", equalTo(null));
        // the old origin is no longer protected once no clone depends on it
        List<String> destroy = operator().post("/datasets/" + onOvh3 + "/prune?dryRun=true").then().statusCode(200)
                .extract().jsonPath().getList("result.destroy.snapshot", String.class);
        assertEquals(List.of(secondDaily), destroy);
    }

    @Test
    @Order(5)
    void removingARuleForgetsItAndKeepsTheClone() {
        FleetBox box = FleetBoxResource.box();
        operator().delete("/clone-rules/" + ruleId).then().statusCode(403);
        admin().delete("/clone-rules/" + ruleId + "?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true));
        viewer().get("/clone-rules/" + ruleId).then().statusCode(200);
        admin().delete("/clone-rules/" + ruleId).then().statusCode(200);
        viewer().get("/clone-rules/" + ruleId).then().statusCode(404);
        assertEquals(PRODUCTS + "@" + thirdDaily, origin(box, CLONE), "the clone is kept");
    }

    private static void refused(Map<String, String> body, int status, String field) {
        operator().body(body).post("/clone-rules").then().statusCode(status).body("field", equalTo(field));
    }

    private static String takeDaily() {
        return operator().body(Map.of("period", "daily")).post("/datasets/" + productsId + "/snapshots").then()
                .statusCode(201).extract().jsonPath().getString("result");
    }

    private static String origin(FleetBox box, String dataset) {
        return box.exec("ovh3", ZFS + " get -H -o value origin " + dataset).orThrow().stdout().strip();
    }

    private static List<String> datasets(FleetBox box, String prefix) {
        return box.exec("ovh3", ZFS + " list -H -o name").orThrow().stdout().lines()
                .filter(l -> l.startsWith(prefix)).toList();
    }

    private static List<String> calls(FleetBox box) {
        return box.exec("ovh3", "cat /var/lib/offops-zfs/calls.log").orThrow().stdout().lines().toList();
    }

    private static List<String> snapshots(FleetBox box, String host) {
        return box.exec(host, ZFS + " list -H -o name -t snapshot -s creation " + PRODUCTS).orThrow().stdout()
                .lines().map(l -> l.substring(l.indexOf('@') + 1)).toList();
    }

    private static String newest(FleetBox box, String host, String suffix) {
        return snapshots(box, host).stream().filter(s -> s.endsWith(suffix)).reduce((a, b) -> b).orElseThrow();
    }

    /** Events of this test's datasets and clone on offops.storage (keyed by dataset), once at least {@code atLeast}. */
    private static List<EventEnvelope> events(Predicate<EventEnvelope> match, int atLeast) {
        Set<String> keys = Set.of("dataset/off2:" + PRODUCTS, "dataset/off1:" + PRODUCTS, "dataset/ovh3:" + PRODUCTS,
                "dataset/ovh3:" + CLONE);
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>,
                List<EventEnvelope>> select = records -> records.stream().filter(r -> keys.contains(r.key()))
                .map(r -> EventCodec.decode(r.value())).filter(match).collect(Collectors.toList());
        return select.apply(TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE,
                records -> select.apply(records).size() >= atLeast, Duration.ofSeconds(120)));
    }

    private static String correlationOf(String snapshot) {
        return events(e -> e.type().equals("offops.storage.SnapshotTaken")
                && e.data().get("snapshot").asText().equals(snapshot), 1).get(0).correlationid();
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON);
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(TestTokens.VIEWER).contentType(ContentType.JSON);
    }
}
