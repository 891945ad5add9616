package org.offops.inventory.domain.lxc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LxcConfigRoundTripTest {

    @Test
    void everyOwnFixtureRoundTripsByteForByte() {
        Map<String, String> fixtures = LxcFixtures.own();
        assertTrue(fixtures.size() >= 4, "expected at least 4 own fixtures, found " + fixtures.keySet());
        List<Executable> checks = new ArrayList<>();
        fixtures.forEach((name, text) -> checks.add(() -> assertRoundTrip(name, text)));
        assertAll(checks);
    }

    @Test
    void everyRealFixtureRoundTripsByteForByte() throws IOException {
        Path fixtures = LxcFixtures.sharedFixturesDir();
        if (!Files.isDirectory(fixtures)) {
            Assumptions.abort(fixtures + " is absent: real Proxmox configs not checked");
        }
        List<Path> confs = LxcFixtures.pveContainerConfs(fixtures);
        if (confs.isEmpty()) {
            fail(fixtures + " is present but holds no container configuration (<vmid>.conf or lxc_<vmid>.conf) in a pve directory");
        }
        List<Executable> checks = new ArrayList<>();
        for (Path conf : confs) {
            String text = Files.readString(conf, StandardCharsets.UTF_8);
            checks.add(() -> assertRoundTrip(fixtures.relativize(conf).toString(), text));
        }
        assertAll(checks);
    }

    /** Parses, reads every typed view (so a real file whose mounts or networks do not parse fails), writes back. */
    private static void assertRoundTrip(String name, String text) {
        LxcConfig config;
        try {
            config = LxcConfigParser.parse(text);
        } catch (LxcConfigException e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
        for (LxcSection section : config.sections()) {
            section.mountPoints();
            section.networks();
            section.idmaps();
            section.rootfs();
            section.features();
        }
        assertEquals(text, LxcConfigWriter.write(config), name + " must be written back byte for byte");
        assertTrue(LxcConfigDiff.between(config, LxcConfigParser.parse(text)).isEmpty(), name + " differs from itself");
    }

    /** The two documented normalisations, for hand-edited files: what Proxmox ignores is not kept. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no newline at the end    | 'cores: 2\\nmemory: 512'           | 'cores: 2\\nmemory: 512\\n'",
        "blanks after a value     | 'cores: 2  \\nmemory: 512\\t\\n'     | 'cores: 2\\nmemory: 512\\n'",
        "blanks on an empty line  | 'cores: 2\\n   \\n[snap1]\\ncores: 1\\n' | 'cores: 2\\n\\n[snap1]\\ncores: 1\\n'",
        "blanks after a header    | 'cores: 2\\n\\n[snap1]  \\ncores: 1\\n' | 'cores: 2\\n\\n[snap1]\\ncores: 1\\n'",
    })
    void onlyWhatProxmoxIgnoresIsNormalised(String what, String input, String written) {
        String in = input.replace("\\n", "\n").replace("\\t", "\t");
        String out = written.replace("\\n", "\n");
        assertEquals(out, LxcConfigWriter.write(LxcConfigParser.parse(in)));
    }

    @Test
    void commentsAndSeparatorsAreKeptToTheByte() {
        String text = "#  two leading blanks and a trailing one %3A \n#\ncores:4\nlxc.apparmor.profile = unconfined\n"
                + "lxc.cap.drop:\nmemory:\t1024\n";
        assertEquals(text, LxcConfigWriter.write(LxcConfigParser.parse(text)));
    }

    @Test
    void emptyTextIsAnEmptyConfig() {
        LxcConfig config = LxcConfigParser.parse("");
        assertTrue(config.main().lines().isEmpty());
        assertFalse(config.pending().isPresent());
        assertEquals("", LxcConfigWriter.write(config));
    }
}
