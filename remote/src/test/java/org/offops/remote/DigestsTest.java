package org.offops.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {

    @Test
    void sha256HexMatchesTheStandardTestVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.sha256Hex("abc"));
        assertEquals(Digests.sha256Hex("abc"), Digests.sha256Hex(new byte[] {'a', 'b', 'c'}));
    }

    @Test
    void openSshFingerprintIsWhatSshKeygenPrints(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("id_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String blob = Files.readString(Path.of(key + ".pub")).split(" ")[1];
        String printed = run("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub").split(" ")[1];
        assertEquals(printed, Digests.openSshFingerprint(Base64.getDecoder().decode(blob)));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
