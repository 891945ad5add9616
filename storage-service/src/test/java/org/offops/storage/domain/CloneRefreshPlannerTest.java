package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.storage.domain.clone.CloneDataset;
import org.offops.storage.domain.clone.ClonePlan;
import org.offops.storage.domain.clone.ClonePlan.Kind;
import org.offops.storage.domain.clone.CloneRefreshPlanner;
import org.offops.storage.domain.clone.CloneRule;
import org.offops.storage.domain.clone.CloneState;
import org.offops.storage.domain.clone.ContainerMount;

/** Every state a clone (and a cut refresh's leftovers) can be found in, and the plan that follows from it. */
class CloneRefreshPlannerTest {

    private static final String O = "rpool/off/products";
    private static final String C = "rpool/staging-clones/off/products";
    private static final String MP = "/rpool/staging-clones/off/products";
    private static final CloneRule RULE = new CloneRule(O, C, "daily");
    private static final String D1 = "autosnap_2026-11-01_00:00:00_daily";
    private static final String D2 = "autosnap_2026-11-02_00:00:00_daily";
    private static final String D3 = "autosnap_2026-11-03_00:00:00_daily";
    private static final String H2 = "autosnap_2026-11-02_01:00:00_hourly";
    private static final List<String> SWAP = List.of("zfs rename " + C + " " + C + "_old",
            "zfs rename " + C + "_new " + C, "zfs destroy " + C + "_old");

    record Case(String name, CloneState state, Kind kind, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("first clone of the newest daily", state(null, null, null, List.of(D1, H2)), Kind.CREATE,
                        List.of("zfs clone -p " + O + "@" + D1 + " " + C)),
                new Case("no daily on the origin yet", state(null, null, null, List.of(H2)), Kind.NO_SNAPSHOT,
                        List.of()),
                new Case("already on the newest daily", state(at(C, D1), null, null, List.of(D1)), Kind.UP_TO_DATE,
                        List.of()),
                new Case("a newer hourly is not followed", state(at(C, D1), null, null, List.of(D1, H2)),
                        Kind.UP_TO_DATE, List.of()),
                new Case("refresh: new clone first, old destroyed last",
                        state(at(C, D1), null, null, List.of(D1, D2)), Kind.REFRESH,
                        concat(List.of("zfs clone " + O + "@" + D2 + " " + C + "_new"), SWAP)),
                new Case("refresh keeps the clone's local properties",
                        state(with(at(C, D1), Map.of("sharenfs", "rw=@10.0.0.0/8", "offops:owner", "staging")), null,
                                null, List.of(D1, D2)), Kind.REFRESH,
                        concat(List.of("zfs clone -o offops:owner=staging -o sharenfs=rw=@10.0.0.0/8 " + O + "@" + D2
                                + " " + C + "_new"), SWAP)),
                new Case("a local mountpoint is parked on the replacement, then handed over",
                        state(mounted(at(C, D1), "/srv/staging"), null, null, List.of(D1, D2)), Kind.REFRESH,
                        concat(List.of("zfs clone -o mountpoint=/srv/staging.offops-new " + O + "@" + D2 + " " + C
                                + "_new"), SWAP, List.of("zfs set mountpoint=/srv/staging " + C))),
                new Case("cut after the clone step: the replacement is reused",
                        state(at(C, D1), at(C + "_new", D2), null, List.of(D1, D2)), Kind.REFRESH, SWAP),
                new Case("cut after the clone step, a newer daily since: stale replacement destroyed",
                        state(at(C, D1), at(C + "_new", D2), null, List.of(D1, D2, D3)), Kind.REFRESH,
                        concat(List.of("zfs destroy " + C + "_new", "zfs clone " + O + "@" + D3 + " " + C + "_new"),
                                SWAP)),
                new Case("cut between the renames: the replacement takes the name, the old one goes",
                        state(null, at(C + "_new", D2), at(C + "_old", D1), List.of(D1, D2)), Kind.RECOVER,
                        List.of("zfs rename " + C + "_new " + C, "zfs destroy " + C + "_old")),
                new Case("cut before the destroy: the old clone goes",
                        state(at(C, D2), null, at(C + "_old", D1), List.of(D1, D2)), Kind.RECOVER,
                        List.of("zfs destroy " + C + "_old")),
                new Case("only the old clone left: it goes back to the name, then a full refresh",
                        state(null, null, at(C + "_old", D1), List.of(D1, D2)), Kind.REFRESH,
                        concat(List.of("zfs rename " + C + "_old " + C, "zfs clone " + O + "@" + D2 + " " + C
                                + "_new"), SWAP)),
                new Case("cut before the mountpoint hand-over",
                        state(mounted(at(C, D2), "/srv/staging.offops-new"), null, null, List.of(D1, D2)),
                        Kind.RECOVER, List.of("zfs set mountpoint=/srv/staging " + C)),
                new Case("a dataset that is not a clone is never touched",
                        state(new CloneDataset(C, "-", MP, Map.of()), null, null, List.of(D1)), Kind.REFUSED,
                        List.of()),
                new Case("a leftover that is not a clone is never destroyed",
                        state(at(C, D1), new CloneDataset(C + "_new", null, MP + "_new", Map.of()), null,
                                List.of(D1, D2)), Kind.REFUSED, List.of()),
                new Case("bind-mounted into a running container: deferred",
                        inUse(state(at(C, D1), null, null, List.of(D1, D2)), true), Kind.IN_USE, List.of()),
                new Case("bind-mounted into a stopped container: refreshed",
                        inUse(state(at(C, D1), null, null, List.of(D1, D2)), false), Kind.REFRESH,
                        concat(List.of("zfs clone " + O + "@" + D2 + " " + C + "_new"), SWAP)),
                new Case("in use but up to date: nothing to defer",
                        inUse(state(at(C, D2), null, null, List.of(D1, D2)), true), Kind.UP_TO_DATE, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planFollowsFromWhatTheHostHolds(Case c) {
        ClonePlan plan = CloneRefreshPlanner.plan(RULE, c.state());
        assertEquals(c.kind(), plan.kind(), c.name() + ": " + plan);
        assertEquals(c.lines(), plan.lines(), c.name());
        assertTrue(plan.lines().stream().noneMatch(l -> l.startsWith("zfs destroy") && l.contains("@")),
                "never a snapshot: " + plan.lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theNameNeverStaysEmptyAndTheReplacementComesFirst(Case c) {
        List<String> lines = CloneRefreshPlanner.plan(RULE, c.state()).lines();
        int cloned = lines.indexOf("zfs clone " + O + "@" + D2 + " " + C + "_new");
        int destroyed = lines.lastIndexOf("zfs destroy " + C + "_old");
        if (cloned >= 0 && destroyed >= 0) {
            assertTrue(cloned < destroyed, c.name());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("zfs rename " + C + " " + C + "_old")) {
                assertEquals("zfs rename " + C + "_new " + C, lines.get(i + 1), "the swap is two adjacent renames");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void previousAndTargetNameTheOriginSnapshots(Case c) {
        ClonePlan plan = CloneRefreshPlanner.plan(RULE, c.state());
        if (plan.kind() == Kind.REFRESH || plan.kind() == Kind.CREATE) {
            assertTrue(plan.target().startsWith(O + "@autosnap_") && plan.target().endsWith("_daily"), c.name());
            assertTrue(plan.kind() == Kind.CREATE ? plan.previous() == null : !plan.target().equals(plan.previous()),
                    c.name());
        }
    }

    private static CloneDataset at(String name, String snapshot) {
        return new CloneDataset(name, O + "@" + snapshot, "/rpool/staging-clones/off/" + name.substring(
                name.lastIndexOf('/') + 1), Map.of());
    }

    private static CloneDataset with(CloneDataset d, Map<String, String> props) {
        return new CloneDataset(d.name(), d.origin(), d.mountpoint(), props);
    }

    private static CloneDataset mounted(CloneDataset d, String mountpoint) {
        return new CloneDataset(d.name(), d.origin(), mountpoint, Map.of("mountpoint", mountpoint));
    }

    private static CloneState state(CloneDataset current, CloneDataset fresh, CloneDataset aside, List<String> snaps) {
        return new CloneState(current, fresh, aside, snaps, List.of());
    }

    private static CloneState inUse(CloneState s, boolean running) {
        return new CloneState(s.current(), s.fresh(), s.aside(), s.originSnapshots(),
                List.of(new ContainerMount(113, MP + "/", running), new ContainerMount(114, "/rpool/off/cache", true)));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
