package org.offops.testkit.fleet;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerState;
import org.offops.fleet.FleetSpec;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

/**
 * Tells services about a running fleet box the way inventory-service would: one ServerRegistered or
 * ContainerRegistered per host with SSH, carrying the box's real address, port and pinned host key.
 */
public final class FleetInventory {

    private FleetInventory() {
    }

    /** The inventory events for every host of the box that runs an sshd, servers first. */
    public static List<EventEnvelope> events(FleetBox box) {
        String correlation = UUID.randomUUID().toString();
        List<EventEnvelope> events = new ArrayList<>();
        for (FleetHost host : box.hosts()) {
            if (host.hasSsh() && host.spec() instanceof FleetSpec.Server server) {
                ServerState state = new ServerState(server.name(), server.datacenter(), host.address(), host.port(),
                        host.hostKeyFingerprint(), server.role());
                events.add(EventEnvelope.of("/testkit/fleet-box", "server/" + server.name(), correlation,
                        "testkit", new ServerRegistered(state)));
            }
        }
        for (FleetHost host : box.hosts()) {
            if (host.hasSsh() && host.spec() instanceof FleetSpec.Container container) {
                events.add(EventEnvelope.of("/testkit/fleet-box", "container/" + container.name(), correlation,
                        "testkit", new ContainerRegistered(state(container, host))));
            }
        }
        return events;
    }

    /** Publishes {@link #events} to offops.inventory. */
    public static void publish(String bootstrap, FleetBox box) {
        events(box).forEach(event -> TestKafka.sendEvent(bootstrap, Topics.INVENTORY, event));
    }

    /**
     * Waits until the @QuarkusTest's service (RestAssured's current base) shows every host of the box at the box's
     * address and port in its {@code /fleet-view}: its inventory consumer may still be reading older events, e.g.
     * another test's box with the same host names, when the test starts.
     */
    public static void awaitFleetView(FleetBox box, Duration timeout) {
        Map<String, String> expected = new TreeMap<>();
        box.hosts().forEach(h -> expected.put(h.name(), h.address() + ":" + h.port()));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> seen = Map.of();
        while (System.nanoTime() < deadline) {
            seen = new TreeMap<>();
            for (String kind : List.of("servers", "containers")) {
                List<Map<String, Object>> rows = RestAssured.given()
                        .header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                        .get("/fleet-view/" + kind).then().statusCode(200).extract().jsonPath().getList("$");
                for (Map<String, Object> row : rows) {
                    seen.put((String) row.get("name"), row.get("sshHost") + ":" + row.get("sshPort"));
                }
            }
            if (seen.entrySet().containsAll(expected.entrySet())) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the service's fleet view never showed the box " + expected + "; it shows " + seen);
    }

    static ContainerState state(FleetSpec.Container container, FleetHost host) {
        return new ContainerState(container.vmid(), container.name(), container.server(), container.kind(),
                container.flavor(), container.ip(), host.address(), host.port(), container.services(),
                host.hostKeyFingerprint());
    }
}
