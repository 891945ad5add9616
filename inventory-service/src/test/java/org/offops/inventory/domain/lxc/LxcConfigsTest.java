package org.offops.inventory.domain.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LxcConfigsTest {

    @ParameterizedTest(name = "{0} -> mp{1}")
    @CsvSource({
        "app-bind-mounts.conf,        4",
        "database-snapshots.conf,     1",
        "described-unknown-keys.conf, 1",
        "pending-changes.conf,        2",
        "proxy-two-nets.conf,         1",
    })
    void nextFreeMountSlotSkipsUsedOnes(String fixture, int expected) {
        assertEquals(expected, LxcConfigs.nextFreeMountSlot(LxcFixtures.parseOwn(fixture)));
    }

    @Test
    void nextFreeMountSlotStartsAtZeroAndFillsGaps() {
        assertEquals(0, LxcConfigs.nextFreeMountSlot(LxcConfigParser.parse("arch: amd64\n")));
        assertEquals(0, LxcConfigs.nextFreeMountSlot(LxcConfigParser.parse("mp1: /a,mp=/mnt/a\n")));
        assertEquals(2, LxcConfigs.nextFreeMountSlot(LxcConfigParser.parse("mp0: /a,mp=/mnt/a\nmp1: /b,mp=/mnt/b\nmp3: /c,mp=/mnt/c\n")));
        assertEquals(0, LxcConfigs.nextFreeMountSlot(LxcConfigParser.parse("arch: amd64\n\n[old]\nmp0: /a,mp=/mnt/a\n")),
                "a slot used only in a snapshot is free");

        StringBuilder full = new StringBuilder();
        for (int slot = 0; slot <= LxcMountPoint.MAX_SLOT; slot++) {
            full.append("mp").append(slot).append(": /tank/d").append(slot).append(",mp=/mnt/d").append(slot).append('\n');
        }
        LxcConfig crowded = LxcConfigParser.parse(full.toString());
        assertThrows(IllegalStateException.class, () -> LxcConfigs.nextFreeMountSlot(crowded));
    }

    @Test
    void mountPointsOfListsSlotSourcePathAndOptions() {
        List<LxcMountPoint> mounts = LxcConfigs.mountPointsOf(LxcFixtures.parseOwn("proxy-two-nets.conf"));

        assertEquals(List.of(new LxcMountPoint(0, "/tank/proxy/logs", "/var/log/nginx", List.of(new LxcOption("backup", "0")))),
                mounts);
    }

    @Test
    void withMountPointAddsTheLineWhereProxmoxWritesIt() {
        String text = LxcFixtures.own("app-bind-mounts.conf");
        LxcConfig config = LxcConfigParser.parse(text);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("replicate", "0");
        options.put("backup", "0");

        LxcConfig changed = LxcConfigs.withMountPoint(config, "/tank/pantry/logs", "/mnt/pantry/logs", options);

        String expected = text.replace("mp3: /tank/pantry/cache,mp=/mnt/pantry/cache\n",
                "mp3: /tank/pantry/cache,mp=/mnt/pantry/cache\nmp4: /tank/pantry/logs,mp=/mnt/pantry/logs,backup=0,replicate=0\n");
        assertEquals(expected, LxcConfigWriter.write(changed));
        assertEquals(text, LxcConfigWriter.write(config), "the original is unchanged");
        assertEquals(new LxcMountPoint(4, "/tank/pantry/logs", "/mnt/pantry/logs",
                List.of(new LxcOption("backup", "0"), new LxcOption("replicate", "0"))), changed.mountPoints().get(4));
        assertEquals(List.of(
                new LxcConfigDiff.Difference(LxcConfigDiff.Kind.KEY_ADDED, "", "mp4", null, null,
                        "/tank/pantry/logs,mp=/mnt/pantry/logs,backup=0,replicate=0")),
                LxcConfigDiff.between(config, changed).differences());
        assertEquals(changed, LxcConfigParser.parse(LxcConfigWriter.write(changed)));
    }

    static Stream<Arguments> insertionPlaces() {
        return Stream.of(
                arguments("empty file", "", "mp0: /t/x,mp=/mnt/x\n"),
                arguments("only comments", "#about\n", "#about\nmp0: /t/x,mp=/mnt/x\n"),
                arguments("before later keys", "#about\narch: amd64\nnet0: name=eth0\n",
                        "#about\narch: amd64\nmp0: /t/x,mp=/mnt/x\nnet0: name=eth0\n"),
                arguments("after the last key, before raw lines and snapshots",
                        "arch: amd64\nlxc.idmap: u 0 100000 65536\n\n[s1]\narch: amd64\n",
                        "arch: amd64\nmp0: /t/x,mp=/mnt/x\nlxc.idmap: u 0 100000 65536\n\n[s1]\narch: amd64\n"),
                arguments("only raw lines", "lxc.idmap: u 0 100000 65536\n",
                        "mp0: /t/x,mp=/mnt/x\nlxc.idmap: u 0 100000 65536\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertionPlaces")
    void withMountPointKeepsProxmoxOrder(String what, String before, String after) {
        LxcConfig changed = LxcConfigs.withMountPoint(LxcConfigParser.parse(before), 0, "/t/x", "/mnt/x", Map.of());

        assertEquals(after, LxcConfigWriter.write(changed));
    }

    static Stream<Arguments> refusedMountPoints() {
        return Stream.of(
                arguments(3, "/tank/x", "/mnt/x", Map.of(), "mp3 is already used"),
                arguments(5, "/tank/x", "/mnt/pantry/images", Map.of(), "/mnt/pantry/images is already mounted by mp2"),
                arguments(5, "/tank/x", "/mnt/pantry/images/", Map.of(), "/mnt/pantry/images/ is already mounted by mp2"),
                arguments(5, "tank/x", "/mnt/x", Map.of(), "source must be an absolute host path or a storage volume"),
                arguments(5, "/tank/x,ro=1", "/mnt/x", Map.of(), "host path must not contain commas"),
                arguments(5, "/tank/a=b", "/mnt/x", Map.of(), "host path must not contain '='"),
                arguments(5, "/tank/x", "/mnt/my dir", Map.of(), "container path must not contain commas, blanks"),
                arguments(5, "/tank/x", "mnt/x", Map.of(), "container path must be absolute"),
                arguments(5, "/tank/x", "/mnt/../etc", Map.of(), "container path must not contain . or .. segments"),
                arguments(5, "/tank/x", "/", Map.of(), "container path / is the rootfs"),
                arguments(5, "/tank/x", "/mnt/x", Map.of("mp", "/mnt/y"), "mp5: 'mp' is not an extra option"),
                arguments(5, "/tank/x", "/mnt/x", Map.of("backup", "0,ro=1"), "option 'backup' contains a comma"),
                arguments(256, "/tank/x", "/mnt/x", Map.of(), "mount point slot must be between 0 and 255"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("refusedMountPoints")
    void withMountPointRefusesWhatProxmoxCouldNotStoreOrWouldClash(int slot, String source, String path,
            Map<String, String> options, String reason) {
        LxcConfig config = LxcFixtures.parseOwn("app-bind-mounts.conf");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LxcConfigs.withMountPoint(config, slot, source, path, options));
        assertTrue(e.getMessage().startsWith(reason), () -> "expected <" + reason + "...>, got <" + e.getMessage() + ">");
    }

    @Test
    void aPendingMountPointTakesItsSlot() {
        LxcConfig config = LxcFixtures.parseOwn("pending-changes.conf");

        assertThrows(IllegalArgumentException.class, () -> LxcConfigs.withMountPoint(config, 1, "/tank/x", "/mnt/x", Map.of()));
        LxcConfig changed = LxcConfigs.withMountPoint(config, "nvme-pool:subvol-160-disk-1", "/var/cache/worker", Map.of("size", "8G"));
        assertEquals("mp2: nvme-pool:subvol-160-disk-1,mp=/var/cache/worker,size=8G",
                changed.main().properties().get(5).text());
        assertEquals(LxcMountPoint.SourceKind.VOLUME, changed.mountPoints().get(1).sourceKind());
    }

    @Test
    void withoutMountPointRemovesOnlyThatLine() {
        String text = LxcFixtures.own("app-bind-mounts.conf");
        LxcConfig config = LxcConfigParser.parse(text);

        LxcConfig changed = LxcConfigs.withoutMountPoint(config, 10);

        assertEquals(text.replace("mp10: /tank/pantry/exports/,mp=/mnt/pantry/exports,ro=1\n", ""), LxcConfigWriter.write(changed));
        assertSame(config, LxcConfigs.withoutMountPoint(config, 7));
        assertEquals(7, LxcConfigs.nextFreeMountSlot(LxcConfigs.withMountPoint(
                LxcConfigs.withMountPoint(LxcConfigs.withMountPoint(config, "/t/4", "/mnt/4", Map.of()),
                        "/t/5", "/mnt/5", Map.of()), "/t/6", "/mnt/6", Map.of())));
    }
}
