package org.offops.inventory.domain.audit;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Which journaled events a reader wants: exact subject, type, correlation id and actor (null means any), and event
 * time in [from, to) (null means open).
 */
public record AuditFilter(String subject, String type, String correlationId, String actor,
                          OffsetDateTime from, OffsetDateTime to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    /** The same test the SQL query applies, for events that never pass through the database query (the live tail). */
    public boolean matches(AuditEntry entry) {
        return same(subject, entry.subject())
                && same(type, entry.type())
                && same(correlationId, entry.correlationId())
                && same(actor, entry.actor())
                && (from == null || !entry.time().isBefore(from))
                && (to == null || entry.time().isBefore(to));
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
