package org.offops.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Guards the wire format: every type keeps a stored envelope that today's code must read and write back unchanged. */
class PinnedSamplesTest {

    static Stream<String> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeHasAPinnedSample(String type) throws IOException {
        assertNotNull(sample(type), "add samples/" + type + ".json, one full envelope");
    }

    @Test
    void everySampleIsForARegisteredTypeAndNamedAfterIt() throws Exception {
        Path dir = Path.of(PinnedSamplesTest.class.getResource("/samples").toURI());
        List<String> files;
        try (Stream<Path> paths = Files.list(dir)) {
            files = paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(EventTypes.all().stream().map(type -> type + ".json").sorted().toList(), files);
        for (String type : EventTypes.all()) {
            assertEquals(type, EventCodec.decode(sample(type)).type());
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void pinnedSamplesStillDecode(String type) throws IOException {
        byte[] sample = sample(type);

        EventEnvelope envelope = EventCodec.decode(sample);
        OffopsEvent event = EventCodec.payload(envelope);
        assertInstanceOf(EventTypes.classOf(type).orElseThrow(), event);
        assertFalse(envelope.data().isEmpty(), "sample carries data");
        EventEnvelope rewritten = new EventEnvelope(envelope.specversion(), envelope.id(), envelope.source(),
                envelope.type(), envelope.subject(), envelope.time(), envelope.datacontenttype(),
                envelope.correlationid(), envelope.actor(), EventCodec.toTree(event));

        JsonNode expected = EventCodec.mapper().readTree(sample);
        assertEquals(expected, EventCodec.mapper().readTree(EventCodec.encode(rewritten)));
    }

    private static byte[] sample(String type) throws IOException {
        try (InputStream in = PinnedSamplesTest.class.getResourceAsStream("/samples/" + type + ".json")) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
