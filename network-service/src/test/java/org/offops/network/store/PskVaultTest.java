package org.offops.network.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.offops.network.domain.Psk;
import org.offops.network.domain.PskGenerator;

/** Sealing PSKs at rest: prod refuses to start without a valid key; tampering and moved keys are detected. */
class PskVaultTest {

    private static final String KEY = Base64.getEncoder().encodeToString(bytes(32));
    private final Psk psk = new PskGenerator().next("mongodb");

    @Test
    void prodRefusesToStartWithoutAValidKey() {
        for (Optional<String> bad : java.util.List.of(Optional.<String>empty(), Optional.of(""),
                Optional.of("not base64!"), Optional.of(Base64.getEncoder().encodeToString(bytes(16))))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new PskVault(bad, LaunchMode.NORMAL));
            assertTrue(refused.getMessage().contains("OFFOPS_PSK_KEY"), refused.getMessage());
        }
    }

    @Test
    void devAndTestWithoutAKeyUseAThrowawayKey() {
        PskVault vault = new PskVault(Optional.empty(), LaunchMode.TEST);
        assertEquals(psk, vault.open("mongodb", psk.identity(), vault.seal("mongodb", psk)));
    }

    @Test
    void aSealedKeyOpensOnlyWithTheSameVaultKey() {
        byte[] sealed = new PskVault(Optional.of(KEY), LaunchMode.NORMAL).seal("mongodb", psk);
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains(psk.key()));
        assertEquals(psk, new PskVault(Optional.of(KEY), LaunchMode.NORMAL).open("mongodb", psk.identity(), sealed));
        PskVault other = new PskVault(Optional.of(Base64.getEncoder().encodeToString(bytes(32))), LaunchMode.NORMAL);
        assertThrows(IllegalStateException.class, () -> other.open("mongodb", psk.identity(), sealed));
    }

    @Test
    void tamperedCiphertextIsDetectedWithoutRevealingAnything() {
        PskVault vault = new PskVault(Optional.of(KEY), LaunchMode.NORMAL);
        byte[] sealed = vault.seal("mongodb", psk);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> vault.open("mongodb", psk.identity(), tampered), "byte " + i);
            assertEquals("the PSK " + psk.identity() + " of link mongodb cannot be opened: wrong"
                    + " offops.network.psk-key or tampered data", refused.getMessage());
            assertEquals(null, refused.getCause());
        }
    }

    @Test
    void aSealedKeyCannotBeMovedToAnotherLinkOrIdentity() {
        PskVault vault = new PskVault(Optional.of(KEY), LaunchMode.NORMAL);
        byte[] sealed = vault.seal("mongodb", psk);
        assertThrows(IllegalStateException.class, () -> vault.open("postgres", psk.identity(), sealed));
        assertThrows(IllegalStateException.class, () -> vault.open("mongodb", "mongodb-0000000000000000", sealed));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
