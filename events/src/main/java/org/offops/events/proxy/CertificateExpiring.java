package org.offops.events.proxy;

import java.time.OffsetDateTime;
import org.offops.events.OffopsEvent;

/** The TLS certificate served for {@code domain} expires within the warning window. */
public record CertificateExpiring(
        String site,
        String domain,
        OffsetDateTime notAfter,
        long daysLeft) implements OffopsEvent {

    public static final String TYPE = "offops.proxy.CertificateExpiring";
}
