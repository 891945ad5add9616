package org.offops.inventory.domain.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;
import org.offops.inventory.domain.Datacenter;
import org.offops.inventory.domain.Flavor;

class FleetImportPlannerTest {

    private static final Datacenter FREE = new Datacenter("free", "Free");
    private static final Flavor OFF = new Flavor("off", "https://github.com/openfoodfacts/openfoodfacts-server.git",
            "/srv/off", "/srv/off-static", List.of("openfoodfacts.org"), "public");
    private static final ServerState OFF2 = new ServerState("off2", "free", "127.0.0.32", 22, null, "production");
    private static final ContainerState OFF_APP = new ContainerState(113, "off", "off2", "app", "off", "10.1.0.113",
            "127.0.0.113", 22, List.of("apache2", "minion", "incron"), null);
    private static final String KEY = "SHA256:Zq8m0tCkq7Xr9s1Ue4bW3vN6yJ2pL5hD8fG0aT1cR4E";

    private static FleetModel model(List<ServerState> servers, List<ContainerState> containers) {
        return new FleetModel(List.of(FREE), List.of(OFF), servers, containers);
    }

    private static List<String> summary(List<FleetChange> plan) {
        return plan.stream().map(c -> c.kind() + " " + c.name() + " " + c.action()).toList();
    }

    @Test
    void emptyInventoryCreatesEverythingInDependencyOrder() {
        List<FleetChange> plan = FleetImportPlanner.plan(model(List.of(OFF2), List.of(OFF_APP)),
                new FleetModel(List.of(), List.of(), List.of(), List.of()));
        assertEquals(List.of("datacenter free CREATE", "flavor off CREATE", "server off2 CREATE",
                "container off CREATE"), summary(plan));
    }

    @Test
    void sameFileTwiceChangesNothing() {
        FleetModel file = model(List.of(OFF2), List.of(OFF_APP));
        assertEquals(List.of("datacenter free UNCHANGED", "flavor off UNCHANGED", "server off2 UNCHANGED",
                "container off UNCHANGED"), summary(FleetImportPlanner.plan(file, file)));
    }

    @Test
    void changedAddressIsAnUpdateWithBeforeAndAfter() {
        ContainerState moved = new ContainerState(113, "off", "off2", "app", "off", "10.1.0.213", "127.0.0.113", 22,
                List.of("apache2", "minion", "incron"), null);
        List<FleetChange> plan = FleetImportPlanner.plan(model(List.of(OFF2), List.of(moved)),
                model(List.of(OFF2), List.of(OFF_APP)));
        FleetChange change = plan.get(3);
        assertEquals(FleetChange.Action.UPDATE, change.action());
        assertEquals(OFF_APP, change.before());
        assertEquals(moved, change.after());
    }

    @Test
    void fileWithoutHostKeysKeepsTheEnrolledOnes() {
        ServerState enrolled = new ServerState("off2", "free", "127.0.0.32", 22, KEY, "production");
        ContainerState enrolledApp = new ContainerState(113, "off", "off2", "app", "off", "10.1.0.113",
                "127.0.0.113", 22, List.of("apache2", "minion", "incron"), KEY);
        List<FleetChange> plan = FleetImportPlanner.plan(model(List.of(OFF2), List.of(OFF_APP)),
                model(List.of(enrolled), List.of(enrolledApp)));
        assertEquals(List.of("datacenter free UNCHANGED", "flavor off UNCHANGED", "server off2 UNCHANGED",
                "container off UNCHANGED"), summary(plan));
    }

    @Test
    void entriesMissingFromTheFileAreReportedNotRemoved() {
        ServerState ovh3 = new ServerState("ovh3", "free", "127.0.0.43", 22, null, "backup");
        List<FleetChange> plan = FleetImportPlanner.plan(model(List.of(OFF2), List.of()),
                model(List.of(OFF2, ovh3), List.of(OFF_APP)));
        assertEquals(List.of("datacenter free UNCHANGED", "flavor off UNCHANGED", "server off2 UNCHANGED",
                "server ovh3 NOT_IN_FILE", "container off NOT_IN_FILE"), summary(plan));
    }
}
