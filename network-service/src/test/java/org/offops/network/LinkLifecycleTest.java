package org.offops.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.network.exec.EchoServer;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;

/**
 * A link's life after creation on the real stunnel: PUT and DELETE with their dry runs, a rotation that fails
 * half-way (the old key keeps working), and a create whose client is down (the server is rolled back).
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(NetworkTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,proxy,mongodb,ovh1,ovh2"), @ResourceArg(name = "net", value = "73")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkLifecycleTest {

    private static final String CONF = "/etc/stunnel/off.conf";
    private static final String PSK = "/etc/stunnel/psk/mongodb-psk.txt";
    private static final byte[] PAYLOAD = "bytes through stunnel".getBytes(StandardCharsets.UTF_8);
    private static EchoServer mongod;

    @BeforeAll
    static void targetService() throws Exception {
        mongod = new EchoServer(box().host("mongodb").address(), 27017);
    }

    @AfterAll
    static void stopTarget() throws Exception {
        mongod.close();
    }

    @Test
    @Order(1)
    void putDryRunShowsTheMoveAndChangesNothing() throws Exception {
        awaitFleetView();
        given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON).body(link("ovh1", 27017))
                .post("/links").then().statusCode(201).body("status", equalTo("configured"));
        assertArrayEquals(PAYLOAD, roundTrip("ovh1", 27017));
        String proxyConf = read("proxy", CONF);
        String ovh1Conf = read("ovh1", CONF);

        given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON).body(link("ovh2", 27017))
                .put("/links/mongodb?dryRun=true").then().statusCode(200)
                .body("action", equalTo("update"))
                .body("hosts.host", equalTo(List.of("proxy", "ovh1", "ovh2")))
                .body("hosts.find { it.host == 'ovh2' }.diff", hasItem("+client = yes"))
                .body("hosts.find { it.host == 'proxy' }.diff", hasItem("-# mongodb: from ovh1 to mongodb"));
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(200)
                .body("client", equalTo("ovh1"));
        assertEquals(proxyConf, read("proxy", CONF));
        assertEquals(ovh1Conf, read("ovh1", CONF));
        assertFalse(Files.exists(box().host("ovh2").path(PSK)));
        assertFalse(Files.exists(box().host("ovh2").path(CONF)));
    }

    @Test
    @Order(2)
    void putMovesTheClientEndAndTheOldClientLosesTheKey() throws Exception {
        given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(link("ovh2", 27017)).put("/links/mongodb").then().statusCode(412)
                .body("field", equalTo("If-Match"));
        String etag = given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().extract().header("ETag");
        given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON).header("If-Match", etag)
                .body(link("ovh2", 27017)).put("/links/mongodb").then().statusCode(200)
                .body("client", equalTo("ovh2")).body("status", equalTo("configured"));

        assertArrayEquals(PAYLOAD, roundTrip("ovh2", 27017));
        assertEquals("600 stunnel4", box().exec("ovh2", "stat -c '%a %U' " + PSK).orThrow().stdout().strip());
        assertFalse(Files.exists(box().host("ovh1").path(PSK)), "the old client keeps no key");
        assertFalse(Files.exists(box().host("ovh1").path(CONF)), "no links left: no off.conf, stunnel stopped");
        assertFalse(box().exec("ovh1", "systemctl is-active -q stunnel@off").ok());
        assertThrows(IOException.class, () -> roundTrip("ovh1", 27017));
        assertTrue(read("proxy", CONF).contains("# mongodb: from ovh2 to mongodb"));
    }

    @Test
    @Order(3)
    void aRotationThatFailsOnTheClientLeavesTheOldKeyWorking() throws Exception {
        String oldKey = read("proxy", PSK);
        String identity = given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().extract()
                .path("identity");

        // the client's PSK push fails (its checksum step): the server already accepts old + new at that point
        box().failNext("ovh2", "sha256sum", 1);
        given().auth().oauth2(TestTokens.ADMIN).post("/links/mongodb/rotate").then().statusCode(502)
                .body("error", containsString("ovh2"));
        assertBackOnTheOldKey(oldKey, identity);

    }

    @Test
    @Order(4)
    void aCreateWhoseClientIsDownRollsTheServerBack() throws Exception {
        String proxyConf = read("proxy", CONF);
        box().down("ovh1");
        try {
            given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON).body(Map.of("name", "memcached",
                            "client", "ovh1", "clientAddress", box().host("ovh1").address(), "clientPort", 11211, "server", "proxy", "serverPort", 11211,
                            "target", "mongodb", "targetPort", 11211))
                    .post("/links").then().statusCode(502).body("error", containsString("ovh1"));
        } finally {
            box().up("ovh1");
        }
        assertEquals(proxyConf, read("proxy", CONF), "the server is back on its previous off.conf");
        assertFalse(Files.exists(box().host("proxy").path("/etc/stunnel/psk/memcached-psk.txt")));
        assertArrayEquals(PAYLOAD, roundTrip("ovh2", 27017));
        given().auth().oauth2(TestTokens.VIEWER).get("/links/memcached").then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("statusDetail", containsString("every host changed so far is back on its previous off.conf"));
    }

    @Test
    @Order(5)
    void deleteDryRunChangesNothingThenDeleteTakesTheLinkOff() throws Exception {
        given().auth().oauth2(TestTokens.OPERATOR).delete("/links/memcached").then().statusCode(403);
        given().auth().oauth2(TestTokens.VIEWER).get("/links/memcached").then().statusCode(200);
        given().auth().oauth2(TestTokens.ADMIN).delete("/links/memcached").then().statusCode(204);
        String proxyConf = read("proxy", CONF);

        given().auth().oauth2(TestTokens.ADMIN).delete("/links/mongodb?dryRun=true").then().statusCode(200)
                .body("action", equalTo("delete"))
                .body("steps", hasItem("proxy: remove " + PSK));
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(200);
        assertEquals(proxyConf, read("proxy", CONF));
        assertArrayEquals(PAYLOAD, roundTrip("ovh2", 27017));

        given().auth().oauth2(TestTokens.ADMIN).delete("/links/mongodb").then().statusCode(204);
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(404);
        for (String host : List.of("proxy", "ovh2")) {
            assertFalse(Files.exists(box().host(host).path(PSK)), host);
            assertFalse(Files.exists(box().host(host).path(CONF)), host);
        }
        assertThrows(IOException.class, () -> roundTrip("ovh2", 27017));
    }

    private static void assertBackOnTheOldKey(String oldKey, String identity) throws Exception {
        assertEquals(oldKey, read("proxy", PSK));
        assertEquals(oldKey, read("ovh2", PSK));
        assertArrayEquals(PAYLOAD, roundTrip("ovh2", 27017));
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(200)
                .body("identity", equalTo(identity));
    }

    private static byte[] roundTrip(String client, int port) throws IOException {
        return EchoServer.roundTrip(box().host(client).address(), port, PAYLOAD);
    }

    private static String read(String host, String path) throws IOException {
        return Files.readString(box().host(host).path(path));
    }

    private static Map<String, Object> link(String client, int clientPort) {
        return Map.of("name", "mongodb", "client", client, "clientAddress", box().host(client).address(),
                "clientPort", clientPort, "server", "proxy", "serverPort", 27017, "target", "mongodb",
                "targetPort", 27017);
    }

    private static void awaitFleetView() {
        NetworkTestResource.announceFleet("proxy", "mongodb", "ovh1", "ovh2");
    }

    private static FleetBox box() {
        return FleetBoxResource.box();
    }
}
