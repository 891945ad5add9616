package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.storage.domain.render.FleetConfigs;
import org.offops.storage.domain.render.ServerConfigs;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

class FleetConfigsTest {

    private static final SnapshotPolicy LOCAL = SnapshotPolicy.localData();
    private static final SnapshotPolicy SHORT = new SnapshotPolicy(15, Map.of(Period.HOURLY, 4), true, true, false,
            false);
    private static final DatasetRef SRC = DatasetRef.parse("off2:rpool/off/products");
    private static final DatasetRef DST = DatasetRef.parse("off1:zfs-hdd/off/products");
    private static final Route ROUTE = new Route(SRC, DST, true);
    private static final Map<String, String> ADDRESSES = Map.of("off2", "10.0.0.2");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a source keeps its own policy and pulls nothing", "off2",
                        List.of(ds(SRC, "local"), ds(DST, null)), List.of(ROUTE),
                        Map.of("rpool/off/products", LOCAL), List.of()),
                Arguments.of("a replica without a policy prunes like its source, autosnap off", "off1",
                        List.of(ds(SRC, "local"), ds(DST, null)), List.of(ROUTE),
                        Map.of("zfs-hdd/off/products", LOCAL.withAutosnap(false)), List.of(ROUTE)),
                Arguments.of("a replica's own policy wins over its source's, autosnap still off", "off1",
                        List.of(ds(SRC, "local"), ds(DST, "short")), List.of(ROUTE),
                        Map.of("zfs-hdd/off/products", SHORT.withAutosnap(false)), List.of(ROUTE)),
                Arguments.of("a dataset without a policy, not a replica, is left out", "off2",
                        List.of(ds(SRC, null)), List.of(), Map.of(), List.of()),
                Arguments.of("a replica of a source without a policy is left out, but still pulled", "off1",
                        List.of(ds(SRC, null), ds(DST, null)), List.of(ROUTE), Map.of(), List.of(ROUTE)),
                Arguments.of("a server that lost its datasets renders empty files", "off3",
                        List.of(ds(SRC, "local")), List.of(), Map.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersEachServerFromTheModel(String why, String server, List<FleetConfigs.Dataset> datasets,
                                       List<Route> routes, Map<String, SnapshotPolicy> sanoid, List<Route> pulls) {
        FleetConfigs.Model model = new FleetConfigs.Model(datasets, Map.of("local", LOCAL, "short", SHORT), routes,
                ADDRESSES, "root");
        assertEquals(ServerConfigs.render(sanoid, pulls, ADDRESSES, "root"), FleetConfigs.render(model, server), why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersEveryServerHoldingADatasetPlusTheOnesAskedFor(String why, String server,
                                                              List<FleetConfigs.Dataset> datasets, List<Route> routes,
                                                              Map<String, SnapshotPolicy> sanoid, List<Route> pulls) {
        FleetConfigs.Model model = new FleetConfigs.Model(datasets, Map.of("local", LOCAL, "short", SHORT), routes,
                ADDRESSES, "root");
        var all = FleetConfigs.render(model, List.of(server));
        assertEquals(FleetConfigs.render(model, server), all.get(server), why);
        datasets.forEach(d -> assertEquals(FleetConfigs.render(model, d.ref().server()), all.get(d.ref().server())));
    }

    private static FleetConfigs.Dataset ds(DatasetRef ref, String policy) {
        return new FleetConfigs.Dataset(ref, policy);
    }
}
