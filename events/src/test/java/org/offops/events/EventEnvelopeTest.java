package org.offops.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.offops.events.proxy.BanAdded;

class EventEnvelopeTest {

    private static final BanAdded BAN = new BanAdded("nginx-botsearch", "203.0.113.45");

    @Test
    void envelopeFactoryStartsAChainWhenNoCorrelationGiven() {
        EventEnvelope first = EventEnvelope.of("/proxy-service", "proxy/off2", null, "scheduler", BAN);

        assertEquals(first.id(), first.correlationid());
        assertDoesNotThrow(() -> UUID.fromString(first.id()));
    }

    @Test
    void envelopeFactoryContinuesAGivenChain() {
        EventEnvelope first = EventEnvelope.of("/proxy-service", "proxy/off2", null, "scheduler", BAN);
        EventEnvelope next = EventEnvelope.of("/proxy-service", "proxy/off2", first.correlationid(), "scheduler", BAN);

        assertEquals(first.id(), next.correlationid());
        assertNotEquals(first.id(), next.id());
    }

    @Test
    void envelopeFactoryStampsRegisteredTypeAndUtcMillisTime() {
        EventEnvelope envelope = EventEnvelope.of("/proxy-service", "proxy/off2", null, "token:ops-cli", BAN);

        assertEquals("1.0", envelope.specversion());
        assertEquals(BanAdded.TYPE, envelope.type());
        assertEquals("application/json", envelope.datacontenttype());
        assertEquals(ZoneOffset.UTC, envelope.time().getOffset());
        assertEquals(0, envelope.time().getNano() % 1_000_000);
        Duration age = Duration.between(envelope.time(), OffsetDateTime.now(ZoneOffset.UTC));
        assertTrue(!age.isNegative() && age.toSeconds() < 60, "time is now, was " + envelope.time());
        assertEquals(EventCodec.toTree(BAN), envelope.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type"})
    void missingRequiredAttributeIsNamedInTheError(String attribute) {
        EventDecodingException e = assertThrows(EventDecodingException.class, () -> new EventEnvelope(
                attribute.equals("specversion") ? null : "1.0",
                attribute.equals("id") ? " " : "e-1",
                attribute.equals("source") ? null : "/proxy-service",
                attribute.equals("type") ? "" : BanAdded.TYPE,
                null, null, null, null, null, null));

        assertTrue(e.getMessage().contains("'" + attribute + "'"), e.getMessage());
    }

    @Test
    void anotherCloudEventsMajorVersionIsRejected() {
        assertThrows(EventDecodingException.class,
                () -> new EventEnvelope("2.0", "e-1", "/proxy-service", BanAdded.TYPE, null, null, null, null, null,
                        null));
    }
}
