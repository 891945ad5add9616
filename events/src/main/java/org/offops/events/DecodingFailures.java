package org.offops.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** Turns whatever Jackson threw into an {@link EventDecodingException} with a one-line reason fit for a DLQ header. */
final class DecodingFailures {

    private static final int MAX_REASON = 200;

    private DecodingFailures() {
    }

    static EventDecodingException of(String context, Throwable failure) {
        // Jackson wraps exceptions thrown by record constructors; surface ours so the message names the field.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EventDecodingException decoding) {
                return decoding;
            }
        }
        String at = failure instanceof JsonMappingException mapping ? path(mapping) : "";
        String where = at.isEmpty() ? context : context + " at " + at;
        return new EventDecodingException(where + ": " + reason(failure), failure);
    }

    private static String reason(Throwable failure) {
        String message = failure instanceof JsonProcessingException json
                ? json.getOriginalMessage()
                : String.valueOf(failure.getMessage());
        // Drop Jackson's source-location suffix: it only says "REDACTED" and would bloat logs and DLQ headers.
        String reason = message.lines().findFirst().orElse("")
                .replaceAll("\\s*\\(?(start marker )?at \\[Source:.*$", "");
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
