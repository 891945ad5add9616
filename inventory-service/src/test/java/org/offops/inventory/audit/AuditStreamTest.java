package org.offops.inventory.audit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offops.inventory.audit.AuditTestEvents.event;
import static org.offops.inventory.audit.AuditTestEvents.publish;
import static org.offops.inventory.audit.AuditTestEvents.stored;
import static org.offops.inventory.audit.AuditTestEvents.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.proxy.BanAdded;
import org.offops.events.proxy.BanRemoved;
import org.offops.testkit.OffopsTestResource;

/** The SSE tail over a real HTTP connection: new events arrive within a second of being stored, filtered. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class AuditStreamTest {

    @TestHTTPResource("/")
    URI base;

    private static Duration sinceStored(SseTail.Line line) throws Exception {
        JsonNode entry = EventCodec.mapper().readTree(line.text().substring("data:".length()));
        return Duration.between(OffsetDateTime.parse(entry.get("receivedAt").asText()).toInstant(), line.at());
    }

    @Test
    void sseTailReceivesANewEventWithinASecond() throws Exception {
        String subject = unique("server/tailed");
        try (SseTail tail = SseTail.open(base, "")) {
            Instant sent = Instant.now();
            EventEnvelope event = publish(event(subject, null, "scheduler", OffsetDateTime.now(ZoneOffset.UTC),
                    new BanAdded("sshd", "192.0.2.77")));
            SseTail.Line line = tail.nextData(event.id(), Duration.ofSeconds(30));
            assertNotNull(line, "the tail delivered the event");
            Duration storeToReceipt = sinceStored(line);
            System.out.printf("sse tail: %d ms from store to receipt, %d ms from send to receipt%n",
                    storeToReceipt.toMillis(), Duration.between(sent, line.at()).toMillis());
            assertTrue(storeToReceipt.compareTo(Duration.ofSeconds(1)) < 0, "store to receipt took " + storeToReceipt);
        }
    }

    @Test
    void sseTailHonoursItsFilter() throws Exception {
        String subject = unique("server/filtered");
        try (SseTail tail = SseTail.open(base, "?subject=" + subject + "&type=" + BanRemoved.TYPE)) {
            EventEnvelope otherType = publish(event(subject, null, "scheduler", OffsetDateTime.now(ZoneOffset.UTC),
                    new BanAdded("sshd", "192.0.2.78")));
            EventEnvelope otherSubject = publish(event(unique("server/elsewhere"), null, "scheduler",
                    OffsetDateTime.now(ZoneOffset.UTC), new BanRemoved("sshd", "192.0.2.78")));
            EventEnvelope wanted = publish(event(subject, null, "scheduler", OffsetDateTime.now(ZoneOffset.UTC),
                    new BanRemoved("sshd", "192.0.2.78")));
            assertNotNull(tail.nextData(wanted.id(), Duration.ofSeconds(30)), "the matching event arrived");
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(otherType) && stored(otherSubject));
            // The tail emits in storage order: once an event stored after the unwanted ones is through, they were
            // either sent already or filtered out.
            EventEnvelope later = publish(event(subject, null, "scheduler", OffsetDateTime.now(ZoneOffset.UTC),
                    new BanRemoved("sshd", "192.0.2.79")));
            assertNotNull(tail.nextData(later.id(), Duration.ofSeconds(30)), "the later matching event arrived");
            assertFalse(tail.received(otherType.id()), "an event of another type was sent");
            assertFalse(tail.received(otherSubject.id()), "an event of another subject was sent");
        }
    }
}
