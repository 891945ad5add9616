package org.offops.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.proxy.BanAdded;

class EventCodecTest {

    static Stream<String> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyEventTypeRoundTrips(String type) throws Exception {
        OffopsEvent example = Examples.of(type);
        for (var component : example.getClass().getRecordComponents()) {
            assertNotNull(component.getAccessor().invoke(example), "example leaves " + component.getName() + " unset");
        }
        EventEnvelope sent = EventEnvelope.of("/test", "container/off", null, "scheduler", example);

        EventEnvelope received = EventCodec.decode(EventCodec.encode(sent));

        assertEquals(sent, received);
        assertEquals(example, EventCodec.payload(received));
        assertEquals(example, EventCodec.payload(received, example.getClass()));
        assertEquals(sent, EventCodec.decode(EventCodec.encodeToString(sent)));
    }

    @Test
    void unknownTypeIsCarriedThrough() {
        String json = """
                {"specversion":"1.0","id":"7d3e9a10-2b4c-4f5e-9a8b-1c2d3e4f5a6b","source":"/future-service",
                 "type":"offops.future.Thing","subject":"thing/1","time":"2026-11-27T00:00:01.000Z",
                 "datacontenttype":"application/json","correlationid":"7d3e9a10-2b4c-4f5e-9a8b-1c2d3e4f5a6b",
                 "actor":"scheduler","data":{"answer":42,"nested":{"list":[1,"two",null]},"gone":null}}""";

        EventEnvelope envelope = EventCodec.decode(json);
        UnknownEvent event = assertInstanceOf(UnknownEvent.class, EventCodec.payload(envelope));

        assertEquals("offops.future.Thing", event.type());
        JsonNode original = tree(json);
        assertEquals(original.get("data"), event.data());
        EventEnvelope forwarded = EventEnvelope.of("/proxy", "thing/1", envelope.correlationid(), "scheduler", event);
        assertEquals("offops.future.Thing", forwarded.type());
        assertEquals(original.get("data"), tree(EventCodec.encodeToString(forwarded)).get("data"));
        assertEquals(original, tree(EventCodec.encodeToString(envelope)));
    }

    static Stream<Arguments> garbage() {
        byte[] random = new byte[512];
        new Random(20261127).nextBytes(random);
        return Stream.of(
                Arguments.of("random bytes", random),
                Arguments.of("truncated object", utf8("{")),
                Arguments.of("array", utf8("[]")),
                Arguments.of("JSON null", utf8("null")),
                Arguments.of("number", utf8("42")),
                Arguments.of("empty", new byte[0]),
                Arguments.of("trailing garbage", utf8(envelopeJson(BanAdded.TYPE) + "}{")),
                Arguments.of("missing id", utf8(envelopeJson(BanAdded.TYPE).replace("\"id\":\"e-1\",", ""))),
                Arguments.of("time not a date", utf8(envelopeJson(BanAdded.TYPE).replace("2026-", "yesterday"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageBytesAreRejectedWithDecodingException(String what, byte[] bytes) {
        EventDecodingException e = assertThrows(EventDecodingException.class, () -> EventCodec.decode(bytes));
        assertFalse(e.getMessage().isBlank());
        assertThrows(EventDecodingException.class, () -> EventCodec.decode(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Test
    void missingIdIsNamedInTheError() {
        String json = envelopeJson(BanAdded.TYPE).replace("\"id\":\"e-1\",", "");
        EventDecodingException e = assertThrows(EventDecodingException.class, () -> EventCodec.decode(json));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    }

    @Test
    void dataThatDoesNotFitTheRecordIsRejected() {
        String banData = "{\"jail\":\"sshd\",\"ip\":\"203.0.113.45\"}";
        EventEnvelope wrongField = EventCodec.decode(envelopeJson(ContainerRegistered.TYPE)
                .replace(banData, "{\"container\":{\"vmid\":\"one-one-three\"}}"));
        EventEnvelope notAnObject = EventCodec.decode(envelopeJson(BanAdded.TYPE).replace(banData, "[\"sshd\"]"));

        EventDecodingException e = assertThrows(EventDecodingException.class, () -> EventCodec.payload(wrongField));
        assertTrue(e.getMessage().contains("container.vmid"), e.getMessage());
        assertThrows(EventDecodingException.class, () -> EventCodec.payload(notAnObject));
    }

    @Test
    void payloadAsAnotherTypeIsRejected() {
        EventEnvelope envelope = EventCodec.decode(envelopeJson(BanAdded.TYPE));
        assertThrows(EventDecodingException.class, () -> EventCodec.payload(envelope, DeploymentStarted.class));
    }

    @Test
    void fieldsFromNewerProducersAreIgnored() {
        String json = envelopeJson(BanAdded.TYPE)
                .replace("\"ip\":\"203.0.113.45\"", "\"ip\":\"203.0.113.45\",\"banTimeSeconds\":3600")
                .replace("\"actor\":", "\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\","
                        + "\"actor\":");

        assertEquals(new BanAdded("sshd", "203.0.113.45"), EventCodec.payload(EventCodec.decode(json)));
    }

    @Test
    void nullFieldsAreLeftOutAndReadBackAsNull() {
        var firstDeploy = new DeploymentStarted("d-1", "v2.57.0", "off", "off", "off2", null);
        EventEnvelope envelope = EventEnvelope.of("/deploy-service", "container/off", null, "scheduler", firstDeploy);

        JsonNode data = tree(EventCodec.encodeToString(envelope)).get("data");

        assertFalse(data.has("previousTag"));
        assertEquals(firstDeploy, EventCodec.payload(EventCodec.decode(EventCodec.encode(envelope))));
    }

    @Test
    void timeIsWrittenInUtcWithMillis() {
        OffsetDateTime paris = OffsetDateTime.of(2026, 11, 27, 1, 0, 1, 0, ZoneOffset.ofHours(1));
        EventEnvelope envelope = new EventEnvelope("1.0", "e-1", "/test", BanAdded.TYPE, null, paris,
                null, null, null, EventCodec.toTree(new BanAdded("sshd", "203.0.113.45")));

        ObjectNode json = (ObjectNode) tree(EventCodec.encodeToString(envelope));

        assertEquals("2026-11-27T00:00:01.000Z", json.get("time").asText());
        assertEquals(paris.toInstant(), EventCodec.decode(EventCodec.encode(envelope)).time().toInstant());
    }

    private static String envelopeJson(String type) {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/proxy-service\",\"type\":\"" + type + "\","
                + "\"time\":\"2026-11-27T00:00:01.000Z\",\"actor\":\"scheduler\","
                + "\"data\":{\"jail\":\"sshd\",\"ip\":\"203.0.113.45\"}}";
    }

    private static JsonNode tree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
