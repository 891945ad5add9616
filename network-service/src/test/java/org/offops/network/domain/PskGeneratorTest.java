package org.offops.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PskGeneratorTest {

    @Test
    void tenThousandKeysAndIdentitiesAreAllDifferent() {
        PskGenerator generator = new PskGenerator();
        Set<String> keys = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Psk psk = generator.next("mongodb");
            keys.add(psk.key());
            identities.add(psk.identity());
        }
        assertEquals(10_000, keys.size());
        assertEquals(10_000, identities.size());
    }

    @Test
    void keyHas256BitsAsHex() {
        Psk psk = new PskGenerator().next("mongodb");
        assertTrue(psk.key().matches("[0-9a-f]{64}"), "32 random bytes, hex");
        assertTrue(psk.identity().matches("mongodb-[0-9a-f]{16}"));
    }

    @Test
    void toStringNeverShowsTheKey() {
        Psk psk = new PskGenerator().next("mongodb");
        assertFalse(psk.toString().contains(psk.key()));
    }

    @Test
    void fileHasOneIdentityKeyLinePerKeyInOrder() {
        Psk first = new Psk("a", "k1k1k1k1k1k1k1k1");
        Psk second = new Psk("b", "k2k2k2k2k2k2k2k2");
        assertEquals("a:k1k1k1k1k1k1k1k1\nb:k2k2k2k2k2k2k2k2\n",
                new String(PskGenerator.file(List.of(first, second)), StandardCharsets.US_ASCII));
    }
}
