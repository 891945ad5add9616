package org.offops.inventory.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.offops.inventory.audit.AuditTestEvents.T0;
import static org.offops.inventory.audit.AuditTestEvents.awaitStored;
import static org.offops.inventory.audit.AuditTestEvents.event;
import static org.offops.inventory.audit.AuditTestEvents.ids;
import static org.offops.inventory.audit.AuditTestEvents.publish;
import static org.offops.inventory.audit.AuditTestEvents.unique;
import static org.offops.inventory.audit.AuditTestEvents.viewer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.proxy.BanAdded;
import org.offops.events.proxy.BanRemoved;
import org.offops.events.storage.SnapshotPruned;
import org.offops.testkit.OffopsTestResource;

/** The journal over the real broker and database: each event stored once, filtered reads, viewers only. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class AuditJournalTest {

    @Test
    void auditStoresEachEventOnceUnderRedelivery() {
        String subject = unique("container/redelivered");
        EventEnvelope once = event(subject, null, "scheduler", T0, new BanAdded("nginx-http-auth", "192.0.2.7"));
        publish(once);
        publish(once);
        publish(once);
        // Same key, so same partition: once the marker is stored, all three copies before it were consumed.
        EventEnvelope marker = publish(event(subject, null, "scheduler", T0.plusSeconds(1),
                new BanRemoved("nginx-http-auth", "192.0.2.7")));
        awaitStored(List.of(marker));
        assertEquals(List.of(marker.id(), once.id()), ids("subject=" + subject));
    }

    @Test
    void auditFiltersBySubjectTypeCorrelationActorAndTime() {
        String actor = unique("token:filter");
        String subjectA = unique("dataset/off2:rpool/a");
        String subjectB = unique("dataset/off2:rpool/b");
        EventEnvelope a1 = publish(event(subjectA, null, actor, T0, new SnapshotPruned("off2", "a", "s1", "policy")));
        EventEnvelope a2 = publish(event(subjectA, a1.correlationid(), actor, T0.plusMinutes(1),
                new BanAdded("sshd", "192.0.2.1")));
        EventEnvelope b1 = publish(event(subjectB, null, actor, T0.plusMinutes(2),
                new SnapshotPruned("off2", "b", "s1", "policy")));
        EventEnvelope other = publish(event(subjectB, null, unique("token:other"), T0.plusMinutes(3),
                new SnapshotPruned("off2", "b", "s2", "policy")));
        awaitStored(List.of(a1, a2, b1, other));

        assertEquals(List.of(a2.id(), a1.id()), ids("subject=" + subjectA));
        assertEquals(List.of(b1.id(), a1.id()), ids("actor=" + actor + "&type=" + SnapshotPruned.TYPE));
        assertEquals(List.of(a2.id(), a1.id()), ids("correlationId=" + a1.correlationid()));
        assertEquals(List.of(b1.id(), a2.id(), a1.id()), ids("actor=" + actor));
        assertEquals(List.of(b1.id(), a2.id()), ids("actor=" + actor + "&from=" + T0.plusMinutes(1) + "&to="
                + T0.plusMinutes(3)));
        viewer().get("/audit/events/" + a2.id()).then().statusCode(200)
                .body("subject", equalTo(subjectA)).body("type", equalTo(BanAdded.TYPE))
                .body("actor", equalTo(actor)).body("topic", equalTo(Topics.PROXY)).body("data.ip", equalTo("192.0.2.1"));
        viewer().get("/audit/events?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        viewer().get("/audit/events?from=yesterday").then().statusCode(400).body("field", equalTo("from"));
        viewer().get("/audit/events?from=" + T0 + "&to=" + T0).then().statusCode(400).body("field", equalTo("to"));
        viewer().get("/audit/events?cursor=bm90LWEtY3Vyc29y").then().statusCode(400).body("field", equalTo("cursor"));
        viewer().get("/audit/events/not-a-uuid").then().statusCode(400).body("field", equalTo("id"));
        viewer().get("/audit/events/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(ContentType.JSON).body("error", startsWith("no audit event"));
    }

    @Test
    void auditApiNeedsAToken() {
        for (String path : List.of("/audit/events", "/audit/events/" + UUID.randomUUID(),
                "/audit/chains/x", "/audit/stream", "/fleet")) {
            given().get(path).then().statusCode(401).contentType(ContentType.JSON)
                    .body("error", equalTo("a bearer token is required")).body("field", equalTo("Authorization"));
        }
        viewer().get("/audit/events").then().statusCode(200);
        viewer().get("/fleet").then().statusCode(200);
    }
}
