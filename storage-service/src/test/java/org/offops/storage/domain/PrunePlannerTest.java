package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.PrunePlanner;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotName;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

class PrunePlannerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SnapshotPolicy THREE_HOURLY = new SnapshotPolicy(15, Map.of(Period.HOURLY, 3), true, true,
            false, false);

    static Stream<Arguments> hourlyCases() {
        // hours ago of each hourly snapshot -> hours ago of those destroyed
        return Stream.of(
                Arguments.of("fewer than the count: nothing goes", List.of(10, 20), List.of()),
                Arguments.of("older than 3 h and more than 3 remain", List.of(1, 2, 3, 4, 5), List.of(5, 4)),
                Arguments.of("exactly at the boundary is kept", List.of(0, 1, 2, 3), List.of()),
                Arguments.of("missed runs: old ones kept to keep the count", List.of(30, 40, 50), List.of()),
                Arguments.of("missed runs: only the surplus goes", List.of(0, 30, 40, 50), List.of(50)),
                Arguments.of("clock jump: a future snapshot is never old", List.of(-5, 10, 11, 12), List.of(12)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hourlyCases")
    void prunesHourliesLikeSanoid(String why, List<Integer> hoursAgo, List<Integer> destroyedHoursAgo) {
        List<Snapshot> history = hoursAgo.stream().map(h -> hourly(NOW.minusSeconds(h * 3600L))).toList();
        List<String> expected = destroyedHoursAgo.stream().map(h -> hourly(NOW.minusSeconds(h * 3600L)).name())
                .toList();
        assertEquals(expected, PrunePlanner.plan(THREE_HOURLY, history, NOW, Set.of()).destroyedNames(), why);
    }

    @Test
    void prunerKeepsNewestCommonSnapshotAndHeldOnes() {
        List<Snapshot> history = new ArrayList<>();
        for (int h = 1; h <= 8; h++) {
            history.add(hourly(NOW.minusSeconds(h * 3600L)));
        }
        String common = history.get(6).name();
        String held = history.get(7).name();
        var plan = PrunePlanner.plan(THREE_HOURLY, history, NOW, Set.of(common, held));
        assertEquals(List.of(history.get(5).name(), history.get(4).name(), history.get(3).name()),
                plan.destroyedNames());
        assertEquals(List.of(held, common), plan.spared().stream().map(s -> s.snapshot()).toList());
    }

    @Test
    void autopruneOffOrChildrenOnlyPrunesNothing() {
        List<Snapshot> history = List.of(hourly(NOW.minusSeconds(99 * 3600L)), hourly(NOW.minusSeconds(98 * 3600L)));
        SnapshotPolicy zero = new SnapshotPolicy(15, Map.of(), true, true, false, false);
        assertEquals(2, PrunePlanner.plan(zero, history, NOW, Set.of()).destroy().size());
        assertEquals(0, PrunePlanner.plan(new SnapshotPolicy(15, Map.of(), true, false, false, false), history, NOW,
                Set.of()).destroy().size());
        assertEquals(0, PrunePlanner.plan(new SnapshotPolicy(15, Map.of(), true, true, true, true), history, NOW,
                Set.of()).destroy().size());
    }

    @Test
    void foreignSnapshotsAreNeverPruned() {
        List<Snapshot> history = List.of(new Snapshot("vzdump", 0), new Snapshot("syncoid_off1_2020", 0),
                new Snapshot("manual_daily", 0));
        SnapshotPolicy zero = new SnapshotPolicy(15, Map.of(), true, true, false, false);
        assertEquals(List.of(), PrunePlanner.plan(zero, history, NOW, Set.of()).destroy());
    }

    @Test
    void snapshotNamesRoundTrip() {
        SnapshotName name = new SnapshotName(Instant.parse("2026-01-02T03:04:05Z"), Period.DAILY);
        assertEquals("autosnap_2026-01-02_03:04:05_daily", name.format());
        assertEquals(name, SnapshotName.parse(name.format()).orElseThrow());
    }

    static Snapshot hourly(Instant t) {
        return new Snapshot(new SnapshotName(t, Period.HOURLY).format(), t.getEpochSecond());
    }
}
