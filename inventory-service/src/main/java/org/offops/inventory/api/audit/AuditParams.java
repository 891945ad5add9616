package org.offops.inventory.api.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.offops.inventory.domain.audit.AuditCursor;
import org.offops.inventory.domain.audit.AuditFilter;
import org.offops.platform.api.ApiException;

/** Validates the audit API's query parameters at the edge; every refusal is a 400 naming the parameter. */
final class AuditParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 500;

    private AuditParams() {
    }

    static AuditFilter filter(String subject, String type, String correlationId, String actor, String from, String to) {
        OffsetDateTime start = time(from, "from");
        OffsetDateTime end = time(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("to must be after from", "to");
        }
        return new AuditFilter(text(subject, "subject"), text(type, "type"), text(correlationId, "correlationId"),
                text(actor, "actor"), start, end);
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as an out-of-range number
        }
        throw ApiException.badRequest("limit must be a whole number between 1 and " + MAX_LIMIT, "limit");
    }

    static AuditCursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditCursor.decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not a cursor this API returned", "cursor");
        }
    }

    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id must be an event id (a UUID)", "id");
        }
    }

    static String text(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(field + " must be at most " + MAX_TEXT + " printable characters", field);
        }
        return value;
    }

    private static OffsetDateTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 time such as 2026-11-27T00:00:00Z", field);
        }
    }
}
