package org.offops.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, with the offops extensions {@code correlationid} and {@code actor}.
 *
 * <p>Component names are the CloudEvents attribute names verbatim (lowercase) so the record maps 1:1 onto the wire.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "correlationid",
        "actor", "data"})
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String correlationid,
        String actor,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        require("specversion", specversion);
        require("id", id);
        require("source", source);
        require("type", type);
        // A consumer must not guess at the semantics of another major CloudEvents version.
        if (!specversion.startsWith("1.")) {
            throw new EventDecodingException("unsupported specversion '" + specversion + "' in event " + id);
        }
    }

    /** Wraps {@code event} in a new envelope; a null {@code correlationId} starts a chain keyed by this event's id. */
    public static EventEnvelope of(
            String source, String subject, String correlationId, String actor, OffopsEvent event) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return new EventEnvelope(SPEC_VERSION, id, source, EventTypes.typeOf(event), subject, now, JSON,
                correlationId == null ? id : correlationId, actor, EventCodec.toTree(event));
    }

    private static void require(String attribute, String value) {
        if (value == null || value.isBlank()) {
            throw new EventDecodingException("missing required CloudEvents attribute '" + attribute + "'");
        }
    }
}
