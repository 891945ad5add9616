package org.offops.inventory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerState;
import org.offops.events.storage.SnapshotPruned;
import org.offops.inventory.store.ServerEntity;
import org.offops.platform.outbox.Outbox;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

/** The outbox in inventory-service: events commit with their state change and reach Kafka keyed by aggregate. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class OutboxTest {

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    private long outboxRows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_key = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }

    @Test
    void rolledBackStateChangeLeavesNoEvent() {
        InventoryApi.datacenter("ovh");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            ServerEntity server = new ServerEntity();
            server.apply(new ServerState("ovh9", "ovh", "127.0.0.19", 22, null, "production"));
            server.persist();
            outbox.publish("server/ovh9", null, "test", new ServerRegistered(server.toState()));
            throw new IllegalStateException("the change fails after the event was written");
        }));
        assertEquals(0, outboxRows("server/ovh9"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> ServerEntity.findById("ovh9")));
    }

    @Test
    void refusedRequestPublishesNothing() {
        InventoryApi.datacenter("free");
        String body = "{\"name\":\"obx1\",\"datacenter\":\"free\",\"sshHost\":\"127.0.0.2\",\"sshPort\":22,\"role\":\"production\"}";
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON)
                .body(body).when().post("/servers").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON)
                .body(body).when().post("/servers").then().statusCode(409);
        assertEquals(1, outboxRows("server/obx1"));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThrows(Exception.class, () -> outbox.publish("server/x", null, "test",
                new ServerRegistered(new ServerState("x", "ovh", "127.0.0.1", 22, null, "production"))));
    }

    @Test
    void serviceMayNotPublishOnAnotherServicesTopic() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                outbox.publish("dataset/off2:rpool/off", null, "test",
                        new SnapshotPruned("off2", "rpool/off", "autosnap_x", "test"))));
    }

    @Test
    void relayPublishesToKafkaKeyedByAggregateWithCloudEventsHeader() {
        InventoryApi.datacenter("ovh");
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON)
                .body("{\"name\":\"obx3\",\"datacenter\":\"ovh\",\"sshHost\":\"127.0.0.13\",\"sshPort\":22,\"role\":\"backup\"}")
                .when().post("/servers").then().statusCode(201);
        var records = TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.INVENTORY,
                seen -> seen.stream().anyMatch(r -> "server/obx3".equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> "server/obx3".equals(r.key()))
                .findFirst().orElseThrow();
        EventEnvelope event = EventCodec.decode(record.value());
        assertEquals(ServerRegistered.TYPE, event.type());
        assertEquals("/inventory-service", event.source());
        assertEquals("token:test-operator", event.actor());
        assertEquals("obx3", EventCodec.payload(event, ServerRegistered.class).server().name());
        assertEquals(EventCodec.KAFKA_CONTENT_TYPE,
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from outbox_event"
                        + " where aggregate_key = 'server/obx3' and sent_at is not null").getSingleResult()).longValue()) == 1);
    }
}
