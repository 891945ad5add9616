package org.offops.proxy.domain;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** When a site's certificate (the first of its PEM chain) stops being valid, and whether that is within the warning. */
public record CertificateExpiry(String site, String domain, OffsetDateTime notAfter, long daysLeft, boolean expiring) {

    /** @throws IllegalArgumentException when {@code pem} holds no X.509 certificate */
    public static CertificateExpiry of(String site, String domain, byte[] pem, Instant now, int warningDays) {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("no X.509 certificate in the file: " + e.getMessage(), e);
        }
        Instant end = certificate.getNotAfter().toInstant();
        long days = Duration.between(now, end).toDays();
        return new CertificateExpiry(site, domain, OffsetDateTime.ofInstant(end, ZoneOffset.UTC), days,
                days < warningDays);
    }
}
