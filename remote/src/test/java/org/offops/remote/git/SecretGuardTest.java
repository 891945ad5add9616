package org.offops.remote.git;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/etc/stunnel/psk/off1-off2.txt", "/etc/stunnel/off1-off2-psk.txt",
            "/etc/ssl/private/off.key", "/etc/letsencrypt/live/off/privkey.pem", "/PSK/x.conf"})
    void filesMarkedSecretByPathAreRefused(String path) {
        assertThrows(SecretRefusedException.class, () -> SecretGuard.check(path, new byte[0]));
    }

    @Test
    void pskLineIsRefusedWithoutEchoingIt() {
        String content = "# stunnel PSKsecrets\noff1-off2:4f1b2c3d4e5f60718293a4b5c6d7e8f9\n";

        SecretRefusedException refused = assertThrows(SecretRefusedException.class,
                () -> SecretGuard.check("/etc/stunnel/links.txt", content.getBytes(StandardCharsets.UTF_8)));

        assertTrue(refused.getMessage().contains("/etc/stunnel/links.txt"), refused.getMessage());
        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
        assertFalse(refused.getMessage().contains("4f1b2c3d"), refused.getMessage());
    }

    @Test
    void privateKeyBlockIsRefusedWhateverTheFileName() {
        byte[] key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThrows(SecretRefusedException.class, () -> SecretGuard.check("/etc/ssl/bundle.crt", key));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[off1-off2]\nclient = yes\naccept = 127.0.0.1:5433\nconnect = 10.1.0.2:8433\nPSKsecrets = /etc/stunnel/psk/x.txt\n",
        "server {\n  listen 443 ssl;\n  proxy_pass http://10.1.0.110:80;\n  ssl_certificate /etc/ssl/fullchain.pem;\n}\n",
        "[rpool/off/products]\n\tuse_template = prod\n\thourly = 36\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        "ExecStart=/usr/bin/minion --flavor off\nEnvironment=LANG=C.UTF-8\n"})
    void ordinaryConfigsPass(String content) {
        assertDoesNotThrow(() -> SecretGuard.check("/etc/offops/rendered.conf", content.getBytes(StandardCharsets.UTF_8)));
    }
}
