package org.offops.storage.chain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.storage.packaged.PackagedFleet;
import org.offops.storage.replication.ReplicationPools;
import org.offops.testkit.Ports;
import org.offops.testkit.ServiceProcess;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;

/**
 * The whole chain with PACKAGED services: storage-service's own scheduler tick snapshots a dataset on off2,
 * off1 and ovh3 pull it with real syncoid, ovh3's staging clone is created, and inventory-service's audit journal
 * returns SnapshotTaken, both SnapshotReplicated and CloneRefreshed as ONE correlation chain.
 */
class StorageChainInAuditJournalIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    // unique names: other tests' events for other datasets share the broker's offops.storage topic
    private static final String DATASET = "rpool/chain_" + RUN + "/products";
    private static final String CLONE = "rpool/staging-clones/chain_" + RUN + "/products";
    private static final String ZFS = "/usr/local/sbin/zfs";
    private static final Path LOGS = Path.of("target", "it-logs");

    private static PackagedFleet fleet;
    private static FleetBox box;
    private static ServiceProcess inventory;
    private static ServiceProcess storage;

    @BeforeAll
    static void start() throws Exception {
        // storage learns this box's hosts from the fleet's private inventory topic; the journal reads offops.storage
        fleet = PackagedFleet.start("storage-chain-" + RUN, 67, List.of("off2", "off1", "ovh3"));
        box = fleet.box();
        ReplicationPools.source(box, "off2", DATASET);
        Files.writeString(box.host("off2").path("/" + DATASET + "/products.csv"), "code\n3017620422003\n");
        ReplicationPools.target(box, "off1", "rpool/chain_" + RUN);
        ReplicationPools.target(box, "ovh3", "rpool/chain_" + RUN);
        inventory = ServiceProcess.start("inventory-service",
                Path.of("../inventory-service/target/quarkus-app/quarkus-run.jar"), Ports.free(), fleet.env(),
                LOGS.resolve("chain-inventory-service.log"));
        Map<String, String> env = fleet.storageEnv();
        env.putAll(Map.of("OFFOPS_STORAGE_TICK", "2s", "OFFOPS_STORAGE_PULL_KEY", ReplicationPools.PULL_KEY));
        storage = ServiceProcess.start("storage-service", Path.of("target/quarkus-app/quarkus-run.jar"), Ports.free(),
                env, LOGS.resolve("chain-storage-service.log"));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[] {storage, inventory}) {
            if (service != null) {
                service.close();
            }
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aPolicyTickReplicatesToOff1AndOvh3AndRefreshesTheCloneUnderOneCorrelationIdInTheJournal() {
        await().atMost(Duration.ofSeconds(90)).until(() -> given().baseUri(storage.url())
                .auth().oauth2(TestTokens.VIEWER).get("/fleet-view/servers").then().extract().jsonPath()
                .getList("name").containsAll(List.of("off2", "off1", "ovh3")));
        String policy = "chain_" + RUN;
        operator().body(Map.of("hourly", 0, "daily", 30, "monthly", 0)).put("/policies/" + policy).then()
                .statusCode(200);
        // no policy yet: the scheduler must not snapshot before the routes and the clone rule exist
        long id = operator().body(Map.of("server", "off2", "name", DATASET, "kind", "products", "flavor", "off",
                "scope", "flavor")).post("/datasets").then().statusCode(201).extract().jsonPath()
                .getLong("result.id");
        for (String target : List.of("off1", "ovh3")) {
            operator().body(Map.of("source", "off2:" + DATASET, "target", target + ":" + DATASET)).post("/routes")
                    .then().statusCode(201);
        }
        operator().body(Map.of("origin", "ovh3:" + DATASET, "clone", CLONE)).post("/clone-rules").then()
                .statusCode(201);
        operator().put("/datasets/" + id + "/policy/" + policy).then().statusCode(200);

        String correlation = refreshed(TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.STORAGE,
                records -> refreshed(records).isPresent(), Duration.ofSeconds(120))).orElseThrow().correlationid();
        List<Map<String, Object>> chain = await().atMost(Duration.ofSeconds(60)).until(() -> chain(correlation),
                events -> events.stream().anyMatch(e -> e.get("type").equals("offops.storage.CloneRefreshed")));
        List<String> types = chain.stream().map(e -> (String) e.get("type")).toList();
        assertEquals("offops.storage.SnapshotTaken", types.get(0), "the chain starts at the tick's snapshot: " + types);
        assertEquals(2, types.stream().filter("offops.storage.SnapshotReplicated"::equals).count(), types.toString());
        assertEquals(1, types.stream().filter("offops.storage.CloneRefreshed"::equals).count(), types.toString());
        assertTrue(chain.stream().allMatch(e -> "/storage-service".equals(e.get("source"))), chain.toString());
        String clonedFrom = box.exec("ovh3", ZFS + " get -H -o value origin " + CLONE).orThrow().stdout().strip();
        assertTrue(clonedFrom.startsWith(DATASET + "@autosnap_") && clonedFrom.endsWith("_daily"), clonedFrom);
        assertEquals("code\n3017620422003\n", box.exec("ovh3", "cat /" + CLONE + "/products.csv").orThrow().stdout());
    }

    private static Optional<EventEnvelope> refreshed(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> ("dataset/ovh3:" + CLONE).equals(r.key()))
                .map(r -> EventCodec.decode(r.value())).filter(e -> e.type().equals("offops.storage.CloneRefreshed"))
                .findFirst();
    }

    private static List<Map<String, Object>> chain(String correlation) {
        var response = given().baseUri(inventory.url()).auth().oauth2(TestTokens.VIEWER)
                .get("/audit/chains/" + correlation);
        return response.statusCode() == 200 ? response.jsonPath().getList("events") : List.of();
    }

    private static RequestSpecification operator() {
        return given().baseUri(storage.url()).auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON);
    }
}
