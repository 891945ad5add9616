package org.offops.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** The one JSON (de)serializer of the offops bus; stateless and thread-safe around a single shared mapper. */
public final class EventCodec {

    /** The Kafka {@code content-type} header of a structured-mode CloudEvent, as the outbox relay sets it. */
    public static final String KAFKA_CONTENT_TYPE = "application/cloudevents+json";

    // Nulls are left out so that a record gaining a nullable field still re-encodes old pinned samples identically.
    // Unknown properties are ignored so that newer producers with extra fields do not break older consumers.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("offops-time").addSerializer(OffsetDateTime.class, new UtcMillisSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    /** Returns the shared mapper, to be used as is: reconfiguring it would change the wire format for every caller. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + envelope.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    public static EventEnvelope decode(byte[] json) {
        if (json == null) {
            throw new EventDecodingException("no bytes to decode");
        }
        try {
            return requireObject(MAPPER.readValue(json, EventEnvelope.class));
        } catch (IOException | RuntimeException e) {
            throw DecodingFailures.of("not a valid event envelope", e);
        }
    }

    public static EventEnvelope decode(String json) {
        if (json == null) {
            throw new EventDecodingException("no text to decode");
        }
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the typed payload, or an {@link UnknownEvent} for a type this build does not know. */
    public static OffopsEvent payload(EventEnvelope envelope) {
        Class<? extends OffopsEvent> eventClass = EventTypes.classOf(envelope.type()).orElse(null);
        if (eventClass == null) {
            return new UnknownEvent(envelope.type(), envelope.data());
        }
        if (envelope.data() == null || !envelope.data().isObject()) {
            throw new EventDecodingException("event " + envelope.id() + " of type " + envelope.type()
                    + " has no JSON object as data");
        }
        try {
            return MAPPER.treeToValue(envelope.data(), eventClass);
        } catch (IOException | RuntimeException e) {
            throw DecodingFailures.of("data of event " + envelope.id() + " does not fit " + envelope.type(), e);
        }
    }

    /** Returns the payload as {@code eventClass}, failing if the envelope carries another type. */
    public static <T extends OffopsEvent> T payload(EventEnvelope envelope, Class<T> eventClass) {
        OffopsEvent event = payload(envelope);
        if (!eventClass.isInstance(event)) {
            throw new EventDecodingException("event " + envelope.id() + " has type " + envelope.type()
                    + ", not " + eventClass.getSimpleName());
        }
        return eventClass.cast(event);
    }

    /** Returns the JSON of {@code event} as it goes into an envelope's {@code data}. */
    public static JsonNode toTree(OffopsEvent event) {
        if (event instanceof UnknownEvent unknown) {
            return unknown.data();
        }
        // Via bytes, not valueToTree: a long field must become the same node a consumer parses (IntNode for small
        // values), otherwise an envelope would not equal its own decoded copy.
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    private static EventEnvelope requireObject(EventEnvelope envelope) {
        if (envelope == null) {
            throw new EventDecodingException("not a valid event envelope: JSON null");
        }
        return envelope;
    }
}
