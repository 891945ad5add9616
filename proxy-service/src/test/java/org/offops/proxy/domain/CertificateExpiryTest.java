package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateExpiryTest {

    @TempDir
    Path dir;

    @Test
    void aCertificateEndingWithinTheWarningIsExpiring() throws Exception {
        Tls tls = DomainFixtures.selfSigned(dir, "openfoodfacts.org", 5);
        CertificateExpiry expiry = CertificateExpiry.of("off", "openfoodfacts.org",
                Files.readAllBytes(Path.of(tls.certificate())), Instant.now(), 21);
        assertTrue(expiry.expiring());
        assertEquals(4, expiry.daysLeft(), "5 days minus the seconds since openssl ran");
    }

    @Test
    void aCertificateEndingAfterTheWarningIsNot() throws Exception {
        Tls tls = DomainFixtures.selfSigned(dir, "openfoodfacts.org", 90);
        assertFalse(CertificateExpiry.of("off", "openfoodfacts.org", Files.readAllBytes(Path.of(tls.certificate())),
                Instant.now(), 21).expiring());
    }

    @Test
    void aFileWithoutCertificateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CertificateExpiry.of("off", "x.org",
                "not a certificate".getBytes(StandardCharsets.US_ASCII), Instant.now(), 21));
    }
}
