package org.offops.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes every timestamp as ISO-8601 in UTC with exactly three fraction digits, e.g. {@code 2026-11-27T00:00:01.000Z}.
 *
 * <p>Jackson's default drops trailing zeros ({@code .1Z} vs {@code .100Z}) and keeps the producer's offset, so the same
 * instant could be spelled several ways; one spelling keeps pinned samples and cross-language consumers stable.
 */
final class UtcMillisSerializer extends StdSerializer<OffsetDateTime> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    UtcMillisSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(FORMAT.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
