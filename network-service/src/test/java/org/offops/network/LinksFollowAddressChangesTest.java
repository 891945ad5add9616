package org.offops.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.network.exec.EchoServer;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetInventory;

/**
 * An inventory address change re-renders and re-applies the links it touches, with no API call: the link's target
 * moves (ContainerUpdated on offops.inventory) and the bytes follow it to the new address through the real stunnel.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(NetworkTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,proxy,mongodb,ovh1"), @ResourceArg(name = "net", value = "74")})
class LinksFollowAddressChangesTest {

    private static final String CONF = "/etc/stunnel/off.conf";
    private static final byte[] PAYLOAD = "bytes to wherever mongodb is".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMovedTargetIsReachedThroughTheTunnelAtItsNewAddress() throws Exception {
        String client = box().host("ovh1").address();
        String oldAddress = box().host("mongodb").address();
        String newAddress = box().host("off2").address();
        awaitFleetView();
        try (EchoServer old = new EchoServer(oldAddress, 27017)) {
            given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON)
                    .body(Map.of("name", "mongodb", "client", "ovh1", "clientAddress", client, "clientPort", 27017,
                            "server", "proxy", "serverPort", 27017, "target", "mongodb", "targetPort", 27017))
                    .post("/links").then().statusCode(201).body("status", equalTo("configured"));
            assertArrayEquals(PAYLOAD, EchoServer.roundTrip(client, 27017, PAYLOAD));
            assertEquals(1, old.accepted());
        }
        String commitBefore = given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().extract()
                .path("configCommit");

        try (EchoServer moved = new EchoServer(newAddress, 27017)) {
            TestKafka.sendEvent(SharedInfra.kafkaBootstrap(), NetworkTestResource.inventoryTopic(),
                    EventEnvelope.of("/testkit/fleet-box", "container/mongodb", null, "testkit",
                            new ContainerUpdated(mongodbAt(newAddress))));

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.VIEWER)
                    .get("/links/mongodb").then().extract().path("configCommit") instanceof String c
                    && !c.equals(commitBefore));
            String proxyConf = Files.readString(box().host("proxy").path(CONF));
            assertTrue(proxyConf.contains("connect = " + newAddress + ":27017\n"), proxyConf);
            assertFalse(proxyConf.contains(oldAddress), proxyConf);
            assertArrayEquals(PAYLOAD, EchoServer.roundTrip(client, 27017, PAYLOAD));
            assertEquals(1, moved.accepted(), "the tunnel now ends at the new address");
        }
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(200)
                .body("status", equalTo("configured"));
        String git = new String(new ProcessBuilder("git", "-C", NetworkTestResource.bareRepo().toString(), "log",
                "-p", "-1", "--", "confs/proxy/etc/stunnel/off.conf").redirectErrorStream(true).start()
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.contains("+connect = " + newAddress + ":27017"), git);
    }

    /** mongodb's inventory state as the box announced it, at another address. */
    private static ContainerState mongodbAt(String address) {
        ContainerState s = FleetInventory.events(box()).stream().map(EventCodec::payload)
                .filter(e -> e instanceof ContainerRegistered r && r.container().name().equals("mongodb"))
                .map(e -> ((ContainerRegistered) e).container()).findFirst().orElseThrow();
        return new ContainerState(s.vmid(), s.name(), s.server(), s.kind(), s.flavor(), s.internalIp(), address,
                s.sshPort(), s.services(), s.hostKey());
    }

    private static void awaitFleetView() {
        NetworkTestResource.announceFleet("proxy", "mongodb", "ovh1", "off2");
    }

    private static FleetBox box() {
        return FleetBoxResource.box();
    }
}
