package org.offops.storage.replication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Random;
import java.util.Set;
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
import org.offops.storage.exec.AlarmWatch;
import org.offops.storage.exec.PolicyScheduler;
import org.offops.storage.exec.ReplicationQueue;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/**
 * Replication on the fleet-in-a-box (off2 → off1 and ovh3, real syncoid run by each target over real OpenSSH, zfs
 * stand-in): a policy tick's snapshots reach both targets under one correlation id, a cut send resumes from its
 * token, a down target fails and raises the lag alarm then catches up, and divergence is reported, never "fixed".
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,off1,ovh3"), @ResourceArg(name = "net", value = "61")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationOnFleetTest {

    private static final String PRODUCTS = "rpool/off/products";
    private static final String ZFS = "/usr/local/sbin/zfs";
    private static long productsId;
    private static long toOff1;
    private static long toOvh3;
    @Inject
    PolicyScheduler scheduler;
    @Inject
    ReplicationQueue queue;
    @Inject
    AlarmWatch alarms;

    @BeforeEach
    void fleetViewShowsThisBox() {
        FleetInventory.awaitFleetView(FleetBoxResource.box(), Duration.ofSeconds(90));
    }

    @Test
    @Order(1)
    void policyTickSnapshotsOff2AndBothTargetsPullUnderOneCorrelationId() throws IOException {
        FleetBox box = FleetBoxResource.box();
        ReplicationPools.source(box, "off2", PRODUCTS);
        ReplicationPools.target(box, "off1", "rpool/off");
        ReplicationPools.target(box, "ovh3", "rpool/off");
        Files.writeString(box.host("off2").path("/rpool/off/products/products.csv"), "code,name\n3017620422003,x\n");
        operator().body(Map.of("hourly", 36, "daily", 30, "monthly", 3)).put("/policies/local_data").then()
                .statusCode(200);
        productsId = operator().body(Map.of("server", "off2", "name", PRODUCTS, "kind", "products", "flavor", "off",
                "scope", "flavor", "policy", "local_data")).post("/datasets").then().statusCode(201).extract()
                .jsonPath().getLong("result.id");
        toOff1 = route("off1");
        toOvh3 = route("ovh3");
        operator().post("/routes/" + toOff1 + "/pull?dryRun=true").then().statusCode(200)
                .body("result.kind", equalTo("NO_SOURCE_SNAPSHOT"));

        assertEquals(3, scheduler.tick(Instant.now()), "hourly, daily and monthly are due");
        List<String> taken = snapshots(box, "off2");
        awaitSnapshots(box, "off1", taken);
        awaitSnapshots(box, "ovh3", taken);
        assertEquals("code,name\n3017620422003,x\n",
                Files.readString(box.host("ovh3").path("/rpool/off/products/products.csv")));
        // the topic also holds earlier tests' events for the same dataset key: select this tick's chain
        String takenCorrelation = correlationOf(taken.get(taken.size() - 1));
        for (String target : List.of("off1", "ovh3")) {
            List<EventEnvelope> replicated = events(target, e -> e.type().equals("offops.storage.SnapshotReplicated")
                    && e.correlationid().equals(takenCorrelation), 1);
            assertTrue(!replicated.isEmpty(), "a SnapshotReplicated to " + target + " under the tick's correlation id");
            assertTrue(replicated.stream().anyMatch(e -> e.data().get("bytes").asLong() > 0
                    && !e.data().get("incremental").asBoolean()), "the first pull is a full send");
        }
        assertTrue(box.exec("off1", "cat /var/log/offops-standins.log /var/lib/offops-zfs/calls.log 2>/dev/null")
                .stdout().contains("receive -s -F " + PRODUCTS), "syncoid received on the target");
        viewer().get("/replication").then().body("routes.find { it.routeId == " + toOff1 + " }.last.state",
                equalTo("ok"));
    }

    @Test
    @Order(2)
    void aCutSendIsResumedFromItsTokenOnRetry() throws IOException {
        FleetBox box = FleetBoxResource.box();
        byte[] data = new byte[3_000_000];
        new Random(7).nextBytes(data);
        Files.write(box.host("off2").path("/rpool/off/products/dump.bin"), data);
        // the source's next send stops after 1 MB: one of the two targets' receive is cut
        Files.writeString(box.host("off2").path("/var/lib/offops-zfs/faults"), "cut-send 1000000\n");
        String snapshot = operator().body(Map.of("period", "hourly")).post("/datasets/" + productsId + "/snapshots")
                .then().statusCode(201).extract().jsonPath().getString("result");
        awaitSnapshots(box, "off1", List.of(snapshot));
        awaitSnapshots(box, "ovh3", List.of(snapshot));
        String calls = box.exec("off2", "cat /var/lib/offops-zfs/calls.log").orThrow().stdout();
        assertTrue(calls.contains("zfs send -t 1-"), "resumed from the receive token:\n" + calls);
        String correlation = correlationOf(snapshot);
        java.util.function.Predicate<EventEnvelope> failedHere = e -> e.type().equals(
                "offops.storage.ReplicationFailed") && e.correlationid().equals(correlation);
        // the failure is in the outbox before the retry's success: reading up to both successes reads it too
        java.util.function.Predicate<EventEnvelope> replicatedHere = e -> e.type().equals(
                "offops.storage.SnapshotReplicated") && e.correlationid().equals(correlation);
        List<EventEnvelope> chain = events(Set.of("off1", "ovh3"), replicatedHere.or(failedHere),
                all -> all.stream().filter(replicatedHere).count() == 2);
        List<EventEnvelope> failed = chain.stream().filter(failedHere).toList();
        List<EventEnvelope> replicated = chain.stream().filter(replicatedHere).toList();
        assertEquals(1, failed.size(), "exactly one receive was cut: " + failed);
        assertEquals(1, failed.get(0).data().get("attempt").asInt());
        assertEquals(2, replicated.size(), replicated.toString());
        for (String target : List.of("off1", "ovh3")) {
            assertEquals(-1L, Files.mismatch(box.host("off2").path("/rpool/off/products/dump.bin"),
                    box.host(target).path("/rpool/off/products/dump.bin")), target);
        }
    }

    @Test
    @Order(3)
    void aDownTargetFailsRaisesTheLagAlarmOnceAndCatchesUpWhenBack() throws IOException {
        FleetBox box = FleetBoxResource.box();
        long newestOnOff1 = newestCreation(box, "off1");
        box.down("off1");
        try {
            String snapshot = operator().body(Map.of("period", "hourly")).post("/datasets/" + productsId
                    + "/snapshots").then().statusCode(201).extract().jsonPath().getString("result");
            String correlation = correlationOf(snapshot);
            EventEnvelope failed = events("off1", e -> e.type().equals("offops.storage.ReplicationFailed")
                    && e.correlationid().equals(correlation), 1).get(0);
            assertTrue(failed.data().get("error").asText().contains("off1"), failed.toString());
            // evaluated one second past the threshold of off1's newest snapshot (the clock is an argument)
            Instant late = Instant.ofEpochSecond(newestOnOff1 + 7 * 3600 + 1);
            alarms.check(late);
            assertEquals(0, alarms.check(late.plusSeconds(60)), "nothing is raised twice");
            List<EventEnvelope> raised = events("off1", "offops.storage.StorageAlarmRaised", 1);
            assertEquals(1, raised.size(), "raised once per crossing: " + raised);
            assertEquals("replication-lag", raised.get(0).data().get("alarm").asText());
        } finally {
            box.up("off1");
        }
        operator().post("/routes/" + toOff1 + "/pull").then().statusCode(202);
        awaitSnapshots(box, "off1", snapshots(box, "off2"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(queue::idle);
        alarms.check(Instant.now());
        viewer().get("/replication").then().body("routes.find { it.routeId == " + toOff1 + " }.alarm", equalTo(false))
                .body("routes.find { it.routeId == " + toOff1 + " }.last.state", equalTo("ok"));
    }

    @Test
    @Order(4)
    void aDivergedReplicaIsReportedWithItsRepairPlanAndRepairedOnlyWhenConfirmed() {
        FleetBox box = FleetBoxResource.box();
        // someone snapshots the replica by hand: syncoid -F would roll it back, offops refuses to
        box.exec("ovh3", ZFS + " snapshot " + PRODUCTS + "@by_hand").orThrow();
        operator().body(Map.of("period", "hourly")).post("/datasets/" + productsId + "/snapshots").then()
                .statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "diverged".equals(viewer().get("/replication")
                .then().extract().jsonPath().getString("routes.find { it.routeId == " + toOvh3 + " }.last.state")));
        var report = viewer().get("/replication").then().extract().jsonPath();
        String prefix = "routes.find { it.routeId == " + toOvh3 + " }.last.";
        assertTrue(report.getString(prefix + "divergence").contains("by_hand"), report.prettify());
        assertTrue(report.getList(prefix + "repair", String.class).get(0).startsWith("on ovh3: zfs rename "
                + PRODUCTS + " " + PRODUCTS + "_diverged_"), report.prettify());
        assertTrue(snapshots(box, "ovh3").contains("by_hand"), "nothing destroyed");
        operator().post("/routes/" + toOvh3 + "/repair?confirm=rpool/off/wrong").then().statusCode(400)
                .body("field", equalTo("confirm"));
        operator().post("/routes/" + toOvh3 + "/repair?dryRun=true").then().statusCode(200)
                .body("result.kind", equalTo("DIVERGED"));
        operator().post("/routes/" + toOvh3 + "/repair?confirm=" + PRODUCTS).then().statusCode(200);
        assertEquals(snapshots(box, "off2"), snapshots(box, "ovh3"));
        String aside = box.exec("ovh3", ZFS + " list -H -o name -t snapshot").orThrow().stdout();
        assertTrue(aside.contains("_diverged_") && aside.contains("@by_hand"), "kept aside:\n" + aside);
        operator().post("/routes/" + toOvh3 + "/repair?confirm=" + PRODUCTS).then().statusCode(409);
    }

    @Test
    @Order(5)
    void dataWrittenOnAReplicaIsReportedAndKeptAsideNotRolledBack() throws IOException {
        FleetBox box = FleetBoxResource.box();
        // someone edits a file on off1's replica without a snapshot: syncoid's receive -F would silently discard it
        Files.writeString(box.host("off1").path("/" + PRODUCTS + "/edited-on-off1.csv"), "code\n42\n");
        operator().body(Map.of("period", "hourly")).post("/datasets/" + productsId + "/snapshots").then()
                .statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "diverged".equals(viewer().get("/replication")
                .then().extract().jsonPath().getString("routes.find { it.routeId == " + toOff1 + " }.last.state")));
        var report = viewer().get("/replication").then().extract().jsonPath();
        String prefix = "routes.find { it.routeId == " + toOff1 + " }.last.";
        assertTrue(report.getString(prefix + "divergence").startsWith("target modified: 8 bytes written since "),
                report.prettify());
        assertEquals("code\n42\n", Files.readString(box.host("off1").path("/" + PRODUCTS + "/edited-on-off1.csv")),
                "nothing rolled back");
        operator().post("/routes/" + toOff1 + "/repair?confirm=" + PRODUCTS).then().statusCode(200);
        assertEquals(snapshots(box, "off2"), snapshots(box, "off1"));
        String aside = box.exec("off1", ZFS + " list -H -o name").orThrow().stdout().lines()
                .filter(n -> n.startsWith(PRODUCTS + "_diverged_")).findFirst().orElseThrow();
        assertEquals("code\n42\n", Files.readString(box.host("off1").path("/" + aside + "/edited-on-off1.csv")),
                "the edit is kept aside for the operator");
        assertEquals("0", box.exec("off1", ZFS + " get -Hp -o value written " + PRODUCTS).orThrow().stdout().strip());
    }

    private static long route(String target) {
        return operator().body(Map.of("source", "off2:" + PRODUCTS, "target", target + ":" + PRODUCTS))
                .post("/routes").then().statusCode(201).extract().jsonPath().getLong("result.id");
    }

    private static List<String> snapshots(FleetBox box, String host) {
        var listing = box.exec(host, ZFS + " list -H -o name -t snapshot -s creation " + PRODUCTS);
        String out = listing.exitCode() == 0 ? listing.stdout() : ""; // not received yet
        return out.lines().filter(l -> l.startsWith(PRODUCTS + "@")).map(l -> l.substring(l.indexOf('@') + 1))
                .toList();
    }

    private static long newestCreation(FleetBox box, String host) {
        String out = box.exec(host, ZFS + " get -Hp -o value creation " + PRODUCTS + "@"
                + snapshots(box, host).get(snapshots(box, host).size() - 1)).orThrow().stdout();
        return Long.parseLong(out.strip());
    }

    private static void awaitSnapshots(FleetBox box, String host, List<String> expected) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> Set.copyOf(snapshots(box, host)).containsAll(expected));
    }

    /** The server's events of a type on offops.storage (filtered by key first), once at least {@code atLeast}. */
    private static List<EventEnvelope> events(String server, String type, int atLeast) {
        return events(server, e -> e.type().equals(type), atLeast);
    }

    private static List<EventEnvelope> events(String server, java.util.function.Predicate<EventEnvelope> match,
                                              int atLeast) {
        return events(Set.of(server), match, found -> found.size() >= atLeast);
    }

    private static List<EventEnvelope> events(Set<String> servers, java.util.function.Predicate<EventEnvelope> match,
                                              java.util.function.Predicate<List<EventEnvelope>> done) {
        Set<String> keys = servers.stream().map(s -> "dataset/" + s + ":" + PRODUCTS).collect(Collectors.toSet());
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>,
                List<EventEnvelope>> select = records -> records.stream().filter(r -> keys.contains(r.key()))
                .map(r -> EventCodec.decode(r.value())).filter(match).collect(Collectors.toList());
        return select.apply(TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE,
                records -> done.test(select.apply(records)), Duration.ofSeconds(90)));
    }

    /** The correlation id of the SnapshotTaken that announced {@code snapshot}. */
    private static String correlationOf(String snapshot) {
        return events("off2", e -> e.type().equals("offops.storage.SnapshotTaken")
                && e.data().get("snapshot").asText().equals(snapshot), 1).get(0).correlationid();
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(TestTokens.VIEWER).contentType(ContentType.JSON);
    }
}
