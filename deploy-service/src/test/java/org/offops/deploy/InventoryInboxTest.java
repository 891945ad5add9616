package org.offops.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerState;
import org.offops.events.inventory.ServerUpdated;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

/** The inventory consumer over the real broker: applied once per event id, poison records dead-lettered. */
@QuarkusTest
@WithTestResource(org.offops.testkit.OffopsTestResource.class)
class InventoryInboxTest {

    private static final String CONSUMER = "deploy-service/fleet-view";

    @Inject
    MeterRegistry metrics;

    private static ServerState server(String name, String host) {
        return new ServerState(name, "ovh", host, 22, null, "production");
    }

    private static EventEnvelope publish(EventEnvelope envelope) {
        TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), Topics.INVENTORY, envelope);
        return envelope;
    }

    private static JsonPath knownServer(String name) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .when().get("/fleet-view/servers").then().statusCode(200).extract().jsonPath()
                .setRootPath("find { it.name == '" + name + "' }");
    }

    private double outcome(String outcome) {
        var counter = metrics.find("offops.inbox.events").tags("consumer", CONSUMER, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void inventoryEventReachesTheFleetView() {
        publish(EventEnvelope.of("/inventory-service", "server/dep3", null, "test", new ServerRegistered(server("dep3", "127.0.0.13"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                        .when().get("/fleet-view/servers").then().body("name", hasItem("dep3")));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        EventEnvelope registered = publish(EventEnvelope.of("/inventory-service", "server/dep2", null, "test",
                new ServerRegistered(server("dep2", "127.0.0.12"))));
        publish(EventEnvelope.of("/inventory-service", "server/dep2", registered.correlationid(), "test",
                new ServerUpdated(server("dep2", "127.0.0.22"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "127.0.0.22".equals(knownServer("dep2").getString("sshHost")));
        double duplicatesBefore = outcome("duplicate");

        publish(registered);

        await().atMost(Duration.ofSeconds(20)).until(() -> outcome("duplicate") == duplicatesBefore + 1);
        // Applying the old registration again would have moved the server back to .12.
        assertEquals("127.0.0.22", knownServer("dep2").getString("sshHost"));
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndThePartitionKeepsMoving() {
        byte[] garbage = {(byte) 0xff, 0x00, '{', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
        TestKafka.send(SharedInfra.kafkaBootstrap(), Topics.INVENTORY, "server/dep1", garbage);
        publish(EventEnvelope.of("/inventory-service", "server/dep1", null, "test",
                new ServerRegistered(server("dep1", "127.0.0.2"))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                        .when().get("/fleet-view/servers").then().body("name", hasItem("dep1")));
        var dead = TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.dlq(Topics.INVENTORY),
                records -> records.stream().anyMatch(r -> java.util.Arrays.equals(r.value(), garbage)),
                Duration.ofSeconds(20));
        var record = dead.stream().filter(r -> java.util.Arrays.equals(r.value(), garbage)).findFirst().orElseThrow();
        Header reason = record.headers().lastHeader("dead-letter-reason");
        assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("not"),
                "the dead letter carries the decoding error");
        assertEquals("server/dep1", record.key());
    }

    @Test
    void fleetViewNeedsAToken() {
        given().when().get("/fleet-view/servers").then().statusCode(401);
    }
}
