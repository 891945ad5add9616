package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.storage.domain.imports.SanoidImportPlanner;
import org.offops.storage.domain.imports.SyncoidImportPlanner;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;

class ImportPlannerTest {

    private static final String CONF = "[template_local_data]\n\tfrequent_period = 30\n\thourly = 36\n\tdaily = 30\n"
            + "\tmonthly = 3\n\n[zfs-hdd/off/products]\n\tuse_template = local_data\n\n[zfs-hdd/off/cache]\n"
            + "\tuse_template = local_data\n\thourly = 12\n";
    private static final SnapshotPolicy LOCAL = new SnapshotPolicy(30, Map.of(Period.HOURLY, 36, Period.DAILY, 30,
            Period.MONTHLY, 3), true, true, false, false);

    static Stream<Arguments> sanoidCases() {
        Map<String, String> registered = new HashMap<>();
        registered.put("zfs-hdd/off/products", null);
        return Stream.of(
                Arguments.of("empty model: policies named after the template, datasets registered", Map.of(),
                        Map.of(), List.of("create policy local_data (from [zfs-hdd/off/cache])",
                                "register dataset off2:zfs-hdd/off/cache with policy local_data (kind cache, scope"
                                        + " shared: review them)",
                                "create policy local_data_2 (from [zfs-hdd/off/products])",
                                "register dataset off2:zfs-hdd/off/products with policy local_data_2 (kind products,"
                                        + " scope shared: review them)")),
                Arguments.of("an equal policy is reused whatever its name; a registered dataset is re-pointed",
                        Map.of("keep", LOCAL, "local_data", SnapshotPolicy.sanoidDefaults()), registered,
                        List.of("create policy local_data_2 (from [zfs-hdd/off/cache])",
                                "register dataset off2:zfs-hdd/off/cache with policy local_data_2 (kind cache, scope"
                                        + " shared: review them)",
                                "apply policy keep to dataset off2:zfs-hdd/off/products")),
                Arguments.of("imported again: nothing to do",
                        Map.of("local_data", new SnapshotPolicy(30, Map.of(Period.HOURLY, 12, Period.DAILY, 30,
                                Period.MONTHLY, 3), true, true, false, false), "local_data_2", LOCAL),
                        Map.of("zfs-hdd/off/cache", "local_data", "zfs-hdd/off/products", "local_data_2"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sanoidCases")
    void sanoidImportPlansPoliciesByValueAndDatasets(String why, Map<String, SnapshotPolicy> policies,
                                                     Map<String, String> datasets, List<String> steps) {
        var plan = SanoidImportPlanner.plan(SanoidConfParser.parse(CONF).conf(), "off2", policies, datasets);
        assertEquals(steps, plan.steps(), why);
    }

    @Test
    void syncoidImportTurnsPullLinesIntoRoutesAndRefusesWhatItCannotHold() {
        Map<String, String> servers = Map.of("off2", "off2", "10.0.0.2", "off2");
        Route existing = new Route(DatasetRef.parse("off2:zfs-hdd/off/users"), DatasetRef.parse("off1:zfs-hdd/off/users"),
                false);
        var plan = SyncoidImportPlanner.plan(SyncoidArgsParser.parse(
                "--no-sync-snap --no-privilege-elevation --recursive off1operator@10.0.0.2:zfs-hdd/off zfs-hdd/off\n"
                        + "--no-sync-snap off1operator@off2.openfoodfacts.org:zfs-hdd/off/users zfs-hdd/off/users\n"
                        + "--no-sync-snap --compress=none off1operator@10.0.0.9:zfs-hdd/obf zfs-hdd/obf\n"
                        + "--no-sync-snap zfs-hdd/opf root@ovh3:rpool/opf\n").args(), "off1", servers,
                Set.of(existing));
        assertEquals(List.of(new Route(DatasetRef.parse("off2:zfs-hdd/off"), DatasetRef.parse("off1:zfs-hdd/off"),
                true)), plan.routes());
        assertEquals(List.of("off1 pulls off2:zfs-hdd/off into zfs-hdd/off (recursive)",
                "already replicated: off2:zfs-hdd/off/users -> off1:zfs-hdd/off/users"), plan.steps());
        assertEquals(List.of("line 3: options [--compress=none] are not managed by offops",
                "line 3: source host 10.0.0.9 is not a known server",
                "line 4: PUSH is not a pull into off1 (zfs-hdd/opf -> root@ovh3:rpool/opf)"), plan.problems());
    }
}
