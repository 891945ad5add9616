package org.offops.storage.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.storage.cluster.SnapshotsBySlot.Slot;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotName;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.testkit.SharedInfra;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.testkit.TestTokens;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.testkit.fleet.FleetBox;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;

/**
 * Two packaged storage-service replicas on one PostgreSQL database and one Kafka broker, ticking every second against
 * off2 (fleet box, net 65): each (dataset, period, slot) gets exactly one snapshot on the host and one SnapshotTaken,
 * both replicas take some, and when the replica holding an unfinished claim is SIGKILLed, the survivor retries that
 * slot once the claim's lease expires (without a second snapshot) and keeps taking the next minute's slots alone.
 */
class TwoInstancesTakeEachSnapshotOnceIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    // unique names: the storage topic's keys (dataset/off2:<name>) must not meet other runs' events on a shared broker
    private static final List<String> DATASETS = List.of("products", "images", "users", "orgs", "html_data", "cache")
            .stream().map(kind -> "rpool/two_" + RUN + "/" + kind).toList();
    private static final Duration LEASE = Duration.ofSeconds(15);

    private static PackagedFleet fleet;
    private static FleetBox box;
    private static final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fleet = PackagedFleet.start("storage-two-" + RUN, 65, List.of("off2"));
        box = fleet.box();
        ReplicationPools.source(box, "off2", DATASETS.get(0));
        box.exec("off2", "/usr/local/sbin/zfs create -p " + String.join(" && /usr/local/sbin/zfs create -p ",
                DATASETS.subList(1, DATASETS.size()))).orThrow();
        Map<String, String> env = fleet.storageEnv();
        env.putAll(Map.of("OFFOPS_STORAGE_TICK", "1s", "OFFOPS_STORAGE_CLAIM_LEASE", LEASE.toSeconds() + "s"));
        var a = CompletableFuture.supplyAsync(() -> Replica.start("storage-two-a", env));
        var b = CompletableFuture.supplyAsync(() -> Replica.start("storage-two-b", env));
        replicas.add(a.join());
        replicas.add(b.join());
    }

    @AfterAll
    static void stop() throws Exception {
        replicas.forEach(Replica::close);
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void eachSnapshotIsTakenOnceByTwoCompetingReplicasAndTheSurvivorOfASigkillKeepsTaking() throws Exception {
        Replica first = replicas.get(0);
        await().atMost(Duration.ofSeconds(90)).until(() -> viewer(first).get("/fleet-view/servers").then()
                .extract().jsonPath().getList("sshHost").contains(box.host("off2").address()));
        // every command on off2 waits 1 s first: a snapshot takes seconds, so the replicas' ticks overlap
        box.slow("off2", Duration.ofSeconds(1));
        operator(first).body(Map.of("frequentPeriod", 1, "frequently", 10, "hourly", 36, "daily", 30, "weekly", 0,
                "monthly", 3, "yearly", 0)).put("/policies/every_minute").then().statusCode(200);
        for (String dataset : DATASETS) {
            String kind = dataset.substring(dataset.lastIndexOf('/') + 1);
            operator(first).body(Map.of("server", "off2", "name", dataset, "kind", kind, "flavor", "off", "scope",
                    "flavor", "policy", "every_minute")).post("/datasets").then().statusCode(201);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> replicas.stream().allMatch(r -> r.took().size() >= 3));
        Claims.Unfinished claim = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> claims().justClaimed(LEASE.minusSeconds(1)), java.util.Optional::isPresent).get();
        Replica victim = replicas.stream().filter(r -> r.holder().orElse("").equals(claim.holder())).findFirst()
                .orElseThrow(() -> new AssertionError("no replica logged holder " + claim.holder()));
        victim.kill();
        Instant killedAt = Instant.now();
        Replica survivor = replicas.stream().filter(r -> r != victim).findFirst().orElseThrow();
        assertTrue(claims().unfinished(claim), "the SIGKILLed replica left its claim unfinished: " + claim);
        box.slow("off2", Duration.ZERO);

        // the survivor retries that slot once the lease expires, and takes the next minute's slots alone
        await().atMost(LEASE.plusSeconds(30)).until(() -> !claims().unfinished(claim));
        assertTrue(survivor.took().stream().anyMatch(t -> t.claim().equals("RETRY") && t.period().equals(claim.job()
                .substring(claim.job().lastIndexOf('/') + 1)) && Instant.parse(t.slot()).equals(claim.slot())),
                "the survivor retried " + claim);
        Instant next = killedAt.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(100)).until(() -> survivor.took().stream().filter(t -> t.period()
                .equals("frequently") && Instant.parse(t.slot()).equals(next)).count() == DATASETS.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> claims().unsentEvents() == 0);

        // the scheduler's unit: each (dataset, period, slot) claimed and taken once, by one replica or the other
        List<Replica.Took> took = replicas.stream().flatMap(r -> r.took().stream()).toList();
        Map<Slot, List<String>> slots = new TreeMap<>();
        took.forEach(t -> slots.computeIfAbsent(new Slot(t.snapshot().split("@")[0], Period.ofLabel(t.period())
                .orElseThrow(), Instant.parse(t.slot())), s -> new ArrayList<>()).add(t.snapshot()));
        assertEquals(Map.of(), SnapshotsBySlot.notExactlyOnce(slots), "each slot taken exactly once");
        took.forEach(t -> assertTrue(!SnapshotName.parse(t.snapshot().split("@")[1]).orElseThrow().time()
                .isBefore(Instant.parse(t.slot())), "named within or after its slot: " + t));
        Set<String> onHost = SnapshotsBySlot.names(box, "off2");
        assertEquals(onHost, new TreeSet<>(took.stream().map(Replica.Took::snapshot).toList()),
                "the host holds exactly the snapshots the replicas took");
        assertEquals(onHost.size(), took.size(), "no snapshot was taken for two slots");
        for (String dataset : DATASETS) {
            List<Instant> minutes = slots.keySet().stream().filter(s -> s.dataset().equals(dataset)
                    && s.period() == Period.FREQUENTLY).map(Slot::start).sorted().toList();
            assertEquals(ChronoUnit.MINUTES.between(minutes.get(0), minutes.get(minutes.size() - 1)) + 1,
                    minutes.size(), dataset + ": no minute lost across the kill: " + minutes);
            for (Period period : List.of(Period.HOURLY, Period.DAILY, Period.MONTHLY)) {
                assertTrue(slots.keySet().stream().anyMatch(s -> s.dataset().equals(dataset) && s.period() == period));
            }
        }
        Map<String, List<EventEnvelope>> events = TakenEvents.byName(SharedInfra.kafkaBootstrap(), Topics.STORAGE,
                key -> key.startsWith("dataset/off2:rpool/two_" + RUN + "/"), seen -> seen.size() >= onHost.size(),
                Duration.ofSeconds(30));
        assertEquals(onHost, events.keySet(), "a SnapshotTaken for each snapshot on the host, none for another");
        events.forEach((name, list) -> assertEquals(1, list.stream().map(EventEnvelope::id).distinct().count(),
                name + " announced once: " + list));
        for (Replica replica : replicas) {
            assertTrue(replica.took().size() >= 3, replica + " took snapshots too");
        }
        System.out.printf("%d snapshots in %d slots: %s took %d (SIGKILLed), %s took %d; retried %s%n",
                onHost.size(), slots.size(), victim.name(), victim.took().size(), survivor.name(),
                survivor.took().size(), claim);
    }

    private static Claims claims() {
        return new Claims(fleet::connect);
    }

    private static io.restassured.specification.RequestSpecification operator(Replica replica) {
        return given().baseUri(replica.url()).auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }

    private static io.restassured.specification.RequestSpecification viewer(Replica replica) {
        return given().baseUri(replica.url()).auth().oauth2(TestTokens.VIEWER);
    }
}
