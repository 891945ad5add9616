package org.offops.proxy.fleet;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetHost;

/** A container moving in the inventory re-routes its flavor through the proxy with no operator action. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,proxy,off,obf,opf,opff,off-pro"),
        @ResourceArg(name = "net", value = "82")})
class ContainerMoveFleetTest {

    @Test
    void addressChangeInInventoryReroutesTrafficByItself() {
        FleetFixture.flavorSites();
        await().atMost(Duration.ofSeconds(20)).until(() -> "off".equals(FleetFixture.backendFor("openfoodfacts.org")));

        FleetHost obf = FleetFixture.box().host("obf");
        FleetHost off = FleetFixture.box().host("off");
        publish(new ContainerState(113, "off", "off2", "app", "off", "10.1.0.111", obf.address(), 22,
                List.of("apache2"), off.hostKeyFingerprint()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "obf".equals(FleetFixture.backendFor("openfoodfacts.org")));

        publish(new ContainerState(113, "off", "off2", "app", "off", "10.1.0.113", off.address(), 22,
                List.of("apache2"), off.hostKeyFingerprint()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "off".equals(FleetFixture.backendFor("openfoodfacts.org")));
    }

    private static void publish(ContainerState state) {
        TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), Topics.INVENTORY, EventEnvelope.of("/inventory-service",
                "container/off", null, "token:test", new ContainerUpdated(state)));
    }
}
