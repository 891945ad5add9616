package org.offops.storage.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.storage.exec.PolicyScheduler;
import org.offops.storage.store.TickClaims;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/**
 * A claimed slot whose snapshot fails is released and retried by the next tick; a retry first looks on the host, so a
 * snapshot taken but never recorded (a failed listing, a replica killed after `zfs snapshot`) is announced once
 * instead of being taken twice; a killed replica's claim holds until its lease expires.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2"), @ResourceArg(name = "net", value = "65")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimReleasedOnFailureTest {

    private static final String ZFS = "/usr/local/sbin/zfs";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    @Inject
    PolicyScheduler scheduler;
    @Inject
    TickClaims claims;

    @BeforeEach
    void fleetViewShowsThisBox() {
        FleetInventory.awaitFleetView(FleetBoxResource.box(), Duration.ofSeconds(90));
    }

    @Test
    @Order(1)
    void aSnapshotThatFailsReleasesItsSlotAndTheNextTickTakesIt() throws IOException {
        FleetBox box = FleetBoxResource.box();
        box.exec("off2", "/usr/local/sbin/zpool create -m /rpool rpool && " + ZFS
                + " create -p rpool/cl/failing && " + ZFS + " create rpool/cl/unlisted && " + ZFS
                + " create rpool/cl/orphaned").orThrow();
        policy("hourly_daily", Map.of("hourly", 36, "daily", 30, "monthly", 0));
        policy("hourly_only", Map.of("hourly", 36, "daily", 0, "monthly", 0));
        long id = register("rpool/cl/failing", "hourly_daily");
        fault(box, "fail 1 snapshot .*rpool/cl/failing@.*_hourly");
        Instant now = Instant.now();
        assertEquals(1, scheduler.tick(now), "the daily is taken, the hourly fails and its slot is released");
        assertEquals(List.of("daily"), periods(box, "rpool/cl/failing"));
        assertEquals(1, scheduler.tick(now.plusSeconds(1)), "the next tick retries the released hourly slot");
        assertEquals(0, scheduler.tick(now.plusSeconds(2)), "both slots are done");
        assertEquals(List.of("daily", "hourly"), periods(box, "rpool/cl/failing"));
        awaitOneEventPerSnapshot(box, "rpool/cl/failing");
        forget(id);
    }

    @Test
    @Order(2)
    void aSnapshotWhoseRecordingFailedIsAnnouncedOnRetryNotTakenTwice() throws IOException {
        FleetBox box = FleetBoxResource.box();
        long id = register("rpool/cl/unlisted", "hourly_only");
        // `zfs snapshot` works, the listing that reads its creation time fails: the snapshot exists, unrecorded
        fault(box, "fail 1 get .*rpool/cl/unlisted");
        Instant now = Instant.now();
        assertEquals(0, scheduler.tick(now));
        assertEquals(List.of("hourly"), periods(box, "rpool/cl/unlisted"), "taken on the host, not recorded");
        assertEquals(1, scheduler.tick(now.plusSeconds(1)), "the retry finds it and records it");
        assertEquals(0, scheduler.tick(now.plusSeconds(2)));
        assertEquals(List.of("hourly"), periods(box, "rpool/cl/unlisted"), "not taken a second time");
        awaitOneEventPerSnapshot(box, "rpool/cl/unlisted");
        forget(id);
    }

    @Test
    @Order(3)
    void aKilledReplicasClaimIsRetriedOnceItsLeaseExpiresAndItsSnapshotAnnouncedOnce() {
        FleetBox box = FleetBoxResource.box();
        long id = register("rpool/cl/orphaned", "hourly_only");
        Instant now = Instant.now();
        Instant slot = now.truncatedTo(ChronoUnit.HOURS);
        String job = "snapshot/" + id + "/hourly";
        String killed = "storage-service/killed-replica";
        assertEquals(TickClaims.Claim.FIRST, claims.claim(job, slot, killed, Duration.ofSeconds(3)));
        // the killed replica got as far as `zfs snapshot`, not to recording it
        claims.takingSince(job, slot, killed, now.truncatedTo(ChronoUnit.SECONDS));
        String left = "autosnap_" + NAME.format(now) + "_hourly";
        box.exec("off2", ZFS + " snapshot rpool/cl/orphaned@" + left).orThrow();
        assertEquals(0, scheduler.tick(now), "the claim holds while its lease runs");
        // awaitility polls on its own thread, outside the test's request context
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> scheduler.tick(now)) == 1);
        assertEquals(List.of("hourly"), periods(box, "rpool/cl/orphaned"), "the left snapshot, not a second one");
        Map<String, List<EventEnvelope>> events = awaitOneEventPerSnapshot(box, "rpool/cl/orphaned");
        assertEquals(List.of("rpool/cl/orphaned@" + left), List.copyOf(events.keySet()));
        forget(id);
    }

    private static Map<String, List<EventEnvelope>> awaitOneEventPerSnapshot(FleetBox box, String dataset) {
        List<String> onHost = snapshots(box, dataset);
        Map<String, List<EventEnvelope>> events = TakenEvents.byName(SharedInfra.kafkaBootstrap(), Topics.STORAGE,
                ("dataset/off2:" + dataset)::equals, seen -> seen.size() >= onHost.size(), Duration.ofSeconds(30));
        assertEquals(onHost.stream().map(n -> dataset + "@" + n).toList(), List.copyOf(events.keySet()),
                "one SnapshotTaken per snapshot on the host");
        events.forEach((name, list) -> assertEquals(1, list.size(), name + " announced once: " + list));
        return events;
    }

    private static List<String> snapshots(FleetBox box, String dataset) {
        String out = box.exec("off2", ZFS + " list -H -t snapshot -o name").orThrow().stdout();
        return out.lines().filter(l -> l.startsWith(dataset + "@")).map(l -> l.substring(l.indexOf('@') + 1))
                .sorted().toList();
    }

    private static List<String> periods(FleetBox box, String dataset) {
        return snapshots(box, dataset).stream().map(n -> n.substring(n.lastIndexOf('_') + 1)).sorted().toList();
    }

    private static void fault(FleetBox box, String line) throws IOException {
        Files.writeString(box.host("off2").path("/var/lib/offops-zfs/faults"), line + "\n");
    }

    private static void policy(String name, Map<String, Object> counts) {
        given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON).body(counts)
                .put("/policies/" + name).then().statusCode(200);
    }

    private static long register(String dataset, String policy) {
        return given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("server", "off2", "name", dataset, "kind", "other", "scope", "shared", "policy", policy))
                .post("/datasets").then().statusCode(201).extract().jsonPath().getLong("result.id");
    }

    /** Later tests' ticks must not see this dataset (an hour boundary would give it new slots). */
    private static void forget(long id) {
        given().auth().oauth2(TestTokens.ADMIN).delete("/datasets/" + id).then().statusCode(200);
    }
}
