package org.offops.inventory.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.offops.events.EventEnvelope;
import org.offops.events.EventTypes;
import org.offops.events.OffopsEvent;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

/** Test helpers: events with chosen times and correlation ids, published exactly as the outbox relay does. */
final class AuditTestEvents {

    /** How long a published event may take to be journaled (the first test also waits for the group to form). */
    static final Duration STORED = Duration.ofSeconds(30);

    /** Far from "now" so that time-filtered queries see only what a test published. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2031, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private AuditTestEvents() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static EventEnvelope event(String subject, String correlationId, String actor, OffsetDateTime time,
                               OffopsEvent payload) {
        EventEnvelope fresh = EventEnvelope.of("/audit-test", subject, correlationId, actor, payload);
        return new EventEnvelope(fresh.specversion(), fresh.id(), fresh.source(), fresh.type(), fresh.subject(),
                time, fresh.datacontenttype(), fresh.correlationid(), fresh.actor(), fresh.data());
    }

    static EventEnvelope publish(EventEnvelope envelope) {
        TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), EventTypes.topicOf(envelope.type()), envelope);
        return envelope;
    }

    static RequestSpecification viewer() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER));
    }

    /** True once the journal holds the event (the viewer API answers 200 for its id). */
    static boolean stored(EventEnvelope envelope) {
        return viewer().get("/audit/events/" + envelope.id()).statusCode() == 200;
    }

    static void awaitStored(List<EventEnvelope> events) {
        await().atMost(STORED).until(() -> events.stream().allMatch(AuditTestEvents::stored));
    }

    /** The ids of the events GET /audit/events returns for {@code query}, in the order it returns them. */
    static List<String> ids(String query) {
        return viewer().get("/audit/events?" + query).then().statusCode(200).extract().jsonPath().getList("events.id");
    }

    /** The element of the fleet view's {@code list} whose {@code key} is {@code value} (all nulls when absent). */
    static JsonPath fleet(String list, String key, String value) {
        return viewer().get("/fleet").then().statusCode(200).extract().jsonPath()
                .setRootPath(list + ".find { it." + key + " == '" + value + "' }");
    }
}
