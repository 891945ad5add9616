package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offops.storage.domain.render.ServerConfigs;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgsParser;
import org.offops.storage.domain.syncoid.SyncoidLine;

class ServerConfigsTest {

    @Test
    void replicaConfigsAreProductionShapedAndReadBackWithoutAmbiguity() {
        SnapshotPolicy synced = SnapshotPolicy.localData().withAutosnap(false);
        List<Route> routes = List.of(new Route(DatasetRef.parse("off2:rpool/off/products"),
                DatasetRef.parse("off1:rpool/off/products"), false), new Route(DatasetRef.parse("off2:rpool/off/images"),
                DatasetRef.parse("off1:rpool/off/images"), true));
        Map<String, String> files = ServerConfigs.render(Map.of("rpool/off/products", synced, "rpool/off/images", synced),
                routes, Map.of("off2", "10.0.0.2"), "off1operator");

        String args = files.get(ServerConfigs.SYNCOID_ARGS);
        assertEquals("# rendered by offops storage-service; edits here are overwritten\n"
                + "--no-sync-snap --no-privilege-elevation --recursive off1operator@10.0.0.2:rpool/off/images"
                + " rpool/off/images\n"
                + "--no-sync-snap --no-privilege-elevation off1operator@10.0.0.2:rpool/off/products rpool/off/products\n",
                args);
        var parsed = SyncoidArgsParser.parse(args);
        assertEquals(List.of(), parsed.ambiguities());
        assertEquals(List.of(SyncoidLine.Direction.PULL, SyncoidLine.Direction.PULL),
                parsed.args().lines().stream().map(SyncoidLine::direction).toList());

        var sanoid = SanoidConfParser.parse(files.get(ServerConfigs.SANOID_CONF));
        assertEquals(List.of(), sanoid.ambiguities());
        assertEquals(synced, PolicyResolver.policyOf(sanoid.conf(), "rpool/off/products"));
        assertEquals(files, ServerConfigs.render(Map.of("rpool/off/images", synced, "rpool/off/products", synced),
                List.of(routes.get(1), routes.get(0)), Map.of("off2", "10.0.0.2"), "off1operator"));
    }
}
