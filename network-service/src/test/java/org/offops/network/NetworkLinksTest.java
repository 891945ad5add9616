package org.offops.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.Topics;
import org.offops.network.exec.EchoServer;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetBoxResource;

/**
 * The service against the fleet-in-a-box with the REAL stunnel4 on proxy (server) and ovh1 (client): create, bytes
 * through, check, a wrong key refused, rotation, the exposure guard, and no PSK anywhere it must not be.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(NetworkTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,proxy,mongodb,ovh1"), @ResourceArg(name = "net", value = "72")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkLinksTest {

    private static final String PSK = "/etc/stunnel/psk/mongodb-psk.txt";
    private static final byte[] PAYLOAD = "bytes through stunnel".getBytes(StandardCharsets.UTF_8);
    private static final List<String> RESPONSES = new ArrayList<>();
    private static final Set<String> KEYS_SEEN = new LinkedHashSet<>();
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
    void dryRunShowsThePlanAndChangesNothing() {
        awaitFleetView();
        String plan = record(given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON)
                .body(mongodbLink(box().host("ovh1").address())).post("/links?dryRun=true")
                .then().statusCode(200)
                .body("hosts.host", equalTo(List.of("proxy", "ovh1")))
                .body("hosts[0].diff", hasItem("+client = no"))
                .extract().asString());
        assertTrue(plan.contains("PSKsecrets = /etc/stunnel/psk/mongodb-psk.txt"), plan);
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(404);
        assertFalse(Files.exists(box().host("proxy").path(PSK)));
    }

    @Test
    @Order(2)
    void publicClientAddressIsRefusedNamingTheField() {
        record(given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON)
                .body(mongodbLink("51.210.154.203")).post("/links")
                .then().statusCode(422).body("field", equalTo("clientAddress")).extract().asString());
        given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(404);
    }

    @Test
    @Order(3)
    void bytesCrossTheTunnelWithTheRealStunnel() throws Exception {
        record(given().auth().oauth2(TestTokens.OPERATOR).contentType(ContentType.JSON)
                .body(mongodbLink(box().host("ovh1").address())).post("/links")
                .then().statusCode(201).body("status", equalTo("configured")).extract().asString());
        assertArrayEquals(PAYLOAD, EchoServer.roundTrip(box().host("ovh1").address(), 27017, PAYLOAD));
        for (String host : List.of("proxy", "ovh1")) {
            assertEquals("600 stunnel4", box().exec(host, "stat -c '%a %U' " + PSK).orThrow().stdout().strip());
        }
        assertFalse(Files.exists(box().host("mongodb").path(PSK)), "PSK files only on the link's two hosts");
        rememberKeys();
        record(given().auth().oauth2(TestTokens.OPERATOR).post("/links/mongodb/check")
                .then().statusCode(200).body("ok", equalTo(true)).extract().asString());
    }

    @Test
    @Order(4)
    void aWrongKeyIsRefusedAndTheCheckReportsStunnelsError() throws Exception {
        String good = Files.readString(box().host("ovh1").path(PSK));
        String identity = good.substring(0, good.indexOf(':'));
        String wrong = identity + ":" + "ab".repeat(32) + "\n";
        KEYS_SEEN.add("ab".repeat(32));
        writeClientKeyAndReload(wrong);
        assertArrayEquals(new byte[0], EchoServer.roundTrip(box().host("ovh1").address(), 27017, PAYLOAD));
        String client = box().host("ovh1").address();
        String log = record(given().auth().oauth2(TestTokens.OPERATOR).post("/links/mongodb/check")
                .then().statusCode(200).body("ok", equalTo(false))
                .body("error", equalTo("the tunnel closed the connection to " + client + ":27017"))
                .extract().asString());
        // TLS 1.3 PSK: the server finds the identity but the client's key does not produce the same binder
        String stunnelLog = io.restassured.path.json.JsonPath.from(log).getString("stunnelLog");
        assertTrue(stunnelLog.lines().anyMatch(line -> line.startsWith("proxy: ") && line.contains("LOG3[")
                && line.endsWith("binder does not verify")), stunnelLog);
    }

    @Test
    @Order(5)
    void afterRotationTheNewKeyWorksAndTheOldDoesNot() throws Exception {
        String old = Files.readString(box().host("proxy").path(PSK));
        String identity = record(given().auth().oauth2(TestTokens.ADMIN).post("/links/mongodb/rotate")
                .then().statusCode(200).extract().path("identity"));
        String now = Files.readString(box().host("proxy").path(PSK));
        assertNotEquals(old, now);
        assertTrue(now.startsWith(identity + ":") && now.strip().lines().count() == 1, "old key removed");
        assertEquals(now, Files.readString(box().host("ovh1").path(PSK)));
        rememberKeys();
        assertArrayEquals(PAYLOAD, EchoServer.roundTrip(box().host("ovh1").address(), 27017, PAYLOAD));

        writeClientKeyAndReload(old);
        assertArrayEquals(new byte[0], EchoServer.roundTrip(box().host("ovh1").address(), 27017, PAYLOAD));
        writeClientKeyAndReload(now);
        assertArrayEquals(PAYLOAD, EchoServer.roundTrip(box().host("ovh1").address(), 27017, PAYLOAD));
        record(given().auth().oauth2(TestTokens.VIEWER).get("/links/mongodb").then().statusCode(200)
                .body("identity", equalTo(identity)).extract().asString());
    }

    @Test
    @Order(6)
    void noPskInLogsEventsApiResponsesOrGit() throws Exception {
        rememberKeys();
        assertTrue(KEYS_SEEN.size() >= 3, KEYS_SEEN.size() + " keys seen");
        List<String> events = new ArrayList<>();
        TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.NETWORK, seen -> {
            events.clear();
            seen.stream().filter(r -> "link/mongodb".equals(r.key()))
                    .forEach(r -> events.add(new String(r.value(), StandardCharsets.UTF_8)));
            return events.stream().anyMatch(e -> e.contains("PskRotated"))
                    && events.stream().anyMatch(e -> e.contains("LinkCheckFailed"));
        }, Duration.ofSeconds(60));
        String git = new String(new ProcessBuilder("git", "-C", NetworkTestResource.bareRepo().toString(), "log",
                "-p", "--all").redirectErrorStream(true).start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.contains("confs/proxy/etc/stunnel/off.conf"), git);
        String log = Files.readString(NetworkTestResource.logFile());
        String stunnelLogs = box().exec("proxy", "cat /var/log/stunnel4/off.log").stdout()
                + box().exec("ovh1", "cat /var/log/stunnel4/off.log").stdout();
        for (String key : KEYS_SEEN) {
            assertFalse(log.contains(key), "service log");
            assertFalse(events.stream().anyMatch(e -> e.contains(key)), "offops.network events");
            assertFalse(RESPONSES.stream().anyMatch(r -> r.contains(key)), "API responses");
            assertFalse(git.contains(key), "infrastructure git repository");
            assertFalse(stunnelLogs.contains(key), "stunnel logs");
        }
    }

    /** Plays a client holding another key: writes it, reloads, waits until stunnel has re-read its files. */
    private static void writeClientKeyAndReload(String pskFile) {
        box().exec("ovh1", "printf %s '" + pskFile + "' > " + PSK
                + " && n=$(grep -c 'Configuration successful' /var/log/stunnel4/off.log)"
                + " && systemctl reload stunnel@off"
                + " && while [ $(grep -c 'Configuration successful' /var/log/stunnel4/off.log) -le $n ]; do sleep 0.1; done"
                // stunnel re-binds its listeners after logging the new configuration: wait until it accepts again
                + " && for i in $(seq 50); do (exec 3<>/dev/tcp/" + box().host("ovh1").address()
                + "/27017) 2>/dev/null && break; sleep 0.1; done")
                .orThrow();
    }

    private static void rememberKeys() throws Exception {
        for (String host : List.of("proxy", "ovh1")) {
            for (String line : Files.readString(box().host(host).path(PSK)).strip().split("\n")) {
                KEYS_SEEN.add(line.substring(line.indexOf(':') + 1));
            }
        }
    }

    private static String record(String body) {
        RESPONSES.add(body);
        return body;
    }

    private static Map<String, Object> mongodbLink(String clientAddress) {
        return Map.of("name", "mongodb", "client", "ovh1", "clientAddress", clientAddress, "clientPort", 27017,
                "server", "proxy", "serverPort", 27017, "target", "mongodb", "targetPort", 27017);
    }

    private static void awaitFleetView() {
        NetworkTestResource.announceFleet("proxy", "mongodb", "ovh1");
    }

    private static FleetBox box() {
        return FleetBoxResource.box();
    }
}
