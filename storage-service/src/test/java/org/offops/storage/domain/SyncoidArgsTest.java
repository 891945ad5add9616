package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;
import org.offops.storage.domain.syncoid.SyncoidArgsWriter;
import org.offops.storage.domain.syncoid.SyncoidEndpoint;
import org.offops.storage.domain.syncoid.SyncoidImport;
import org.offops.storage.domain.syncoid.SyncoidLine;

class SyncoidArgsTest {

    @ParameterizedTest
    @CsvSource({
        "pulluser@primary.example:rpool/off, pulluser, primary.example, rpool/off",
        "10.0.0.2:zfs-hdd/off,                , 10.0.0.2,       zfs-hdd/off",
        "tank/copies/off,                     ,         ,       tank/copies/off",
        "pool/a:b,                            ,         ,       pool/a:b"})
    void endpointsAreSplitIntoUserHostAndDataset(String word, String user, String host, String dataset) {
        assertEquals(new SyncoidEndpoint(user, host, dataset), SyncoidEndpoint.parse(word));
        assertEquals(word, SyncoidEndpoint.parse(word).format());
    }

    @Test
    void linesKeepOptionsAndDirection() {
        SyncoidImport imported = SyncoidArgsParser.parse(Fixtures.own("replica-syncoid-args.conf"));
        List<SyncoidLine> lines = imported.args().lines();
        assertEquals(6, lines.size());
        assertEquals(SyncoidLine.Direction.PULL, lines.get(0).direction());
        assertTrue(lines.get(0).recursive());
        assertEquals(SyncoidLine.Direction.PUSH, lines.get(2).direction());
        assertEquals(List.of("-r", "--no-sync-snap", "--compress", "lzo"), lines.get(5).options());
        assertTrue(lines.get(5).recursive());
    }

    @Test
    void mixedPushPullDuplicatesAndQuotedOptionsAreReported() {
        List<String> ambiguities = SyncoidArgsParser.parse(Fixtures.own("replica-syncoid-args.conf")).ambiguities();
        assertTrue(ambiguities.stream().anyMatch(a -> a.startsWith("the file mixes push lines (1) and pull lines (5)")),
                ambiguities.toString());
        assertTrue(ambiguities.stream().anyMatch(a -> a.startsWith("line 6: target tank/copies/off is already written"
                + " by line 2 (same source")), ambiguities.toString());
        assertTrue(ambiguities.stream().anyMatch(a -> a.contains("keeps its quotes")), ambiguities.toString());
    }

    @Test
    void ownFixtureRoundTrips() {
        assertRoundTrip(Fixtures.own("replica-syncoid-args.conf"));
    }

    static void assertRoundTrip(String text) {
        SyncoidImport first = SyncoidArgsParser.parse(text);
        String written = SyncoidArgsWriter.write(first.args());
        SyncoidImport second = SyncoidArgsParser.parse(written);
        assertTrue(first.args().sameAs(second.args()), written);
        assertEquals(written, SyncoidArgsWriter.write(second.args()));
    }
}
