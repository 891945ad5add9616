package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;

/** Every production sanoid.conf and syncoid-args.conf in ../shared/fixtures parses, reports its traps, round-trips. */
class ProductionFixturesConformanceTest {

    @Test
    void everyProductionSanoidConfRoundTrips() {
        List<Path> files = Fixtures.offInfraFiles("sanoid.conf");
        assertFalse(files.isEmpty());
        for (Path file : files) {
            SanoidConfTest.assertRoundTrip(Fixtures.read(file));
        }
    }

    @Test
    void everyProductionSyncoidArgsRoundTrips() {
        List<Path> files = Fixtures.offInfraFiles("syncoid-args.conf");
        assertTrue(files.size() >= 6, files.toString());
        for (Path file : files) {
            SyncoidArgsTest.assertRoundTrip(Fixtures.read(file));
        }
    }

    @Test
    void off1DuplicatedBackupSectionIsReported() {
        List<String> ambiguities = SanoidConfParser.parse(Fixtures.read(server("off1", "sanoid.conf"))).ambiguities();
        assertTrue(ambiguities.stream().anyMatch(a -> a.startsWith("[zfs-hdd/off-backups] appears 2 times")),
                ambiguities.toString());
    }

    @Test
    void historicOff2SyncoidArgsMixPushAndPull() {
        Path history = Fixtures.offInfraFiles("syncoid-args.conf").stream()
                .filter(p -> p.toString().contains("_history")).findFirst().orElseThrow();
        List<String> ambiguities = SyncoidArgsParser.parse(Fixtures.read(history)).ambiguities();
        assertTrue(ambiguities.stream().anyMatch(a -> a.startsWith("the file mixes push lines")), ambiguities.toString());
    }

    @Test
    void ovh3PullsOff2RpoolTwiceIntoTheSameTarget() {
        List<String> ambiguities = SyncoidArgsParser.parse(Fixtures.read(server("ovh3", "syncoid-args.conf")))
                .ambiguities();
        assertTrue(ambiguities.stream().anyMatch(a -> a.contains("target rpool/off-backups/off2-rpool is already"
                + " written")), ambiguities.toString());
    }

    private static Path server(String server, String file) {
        return Fixtures.offInfra().resolve("confs").resolve(server).resolve("sanoid").resolve(file);
    }
}
