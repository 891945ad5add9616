package org.offops.inventory.domain.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a newest-first page ended: the (time, seq) of its last event. Opaque to clients; microseconds because that
 * is PostgreSQL's precision, so the cursor compares exactly against stored times.
 */
public record AuditCursor(OffsetDateTime time, long seq) {

    private static final String VERSION = "v1";

    public static AuditCursor after(AuditEntry last) {
        return new AuditCursor(last.time(), last.seq());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
        String plain = VERSION + ":" + micros + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses a cursor this service handed out; anything else is an {@link IllegalArgumentException}. */
    public static AuditCursor decode(String encoded) {
        String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
        String[] parts = plain.split(":");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not an audit cursor");
        }
        Instant time = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
        return new AuditCursor(time.atOffset(ZoneOffset.UTC), Long.parseLong(parts[2]));
    }
}
