package org.offops.deploy.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.offops.events.EventCodec;
import org.offops.events.EventEnvelope;
import org.offops.events.Topics;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.deploy.ReleasePublished;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.SharedInfra;
import org.offops.testkit.TestKafka;
import org.offops.testkit.TestTokens;

/**
 * A signed GitHub release deploys every flavor over real SSH on the fleet-in-a-box; a failing build_lang rolls back
 * only its container; a host that is down fails only its container; local changes are refused.
 */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = DeployFleetResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,off,obf,opf,opff,off-pro"), @ResourceArg(name = "net", value = "90")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseDeploysEveryFlavorTest {

    private static final Map<String, List<String>> UNITS = Map.of(
            "off", List.of("apache2", "apache2@priority", "minion", "incron", "cloud_vision_ocr@off"),
            "obf", List.of("apache2", "minion", "incron"), "opf", List.of("apache2", "minion", "incron"),
            "opff", List.of("apache2", "minion", "incron"), "off-pro", List.of("apache2", "minion", "incron"));

    @Test
    @Order(1)
    void signedReleaseDeploysAllFiveFlavorsUnderOneCorrelation() {
        Map<String, Integer> restartsBefore = new HashMap<>();
        Fleet.FLAVORS.forEach(f -> restartsBefore.put(f, Fleet.restarts(f).size()));
        String release = Fleet.publish("v1.1.0");

        Map<String, Map<String, Object>> done = Fleet.awaitRelease(release, 5);
        for (String flavor : Fleet.FLAVORS) {
            assertEquals("SUCCEEDED", done.get(flavor).get("state"), flavor + ": " + done.get(flavor));
            assertEquals("v1.0.0", done.get(flavor).get("previousTag"), flavor);
            assertEquals("v1.1.0", Fleet.head(flavor), flavor);
            assertEquals("/srv/" + flavor + "-static-releases/v1.1.0", Fleet.staticLink(flavor), flavor);
            assertEquals("v1.1.0", Fleet.served(flavor), flavor);
            List<String> restarts = Fleet.restarts(flavor);
            assertEquals(UNITS.get(flavor), restarts.subList(restartsBefore.get(flavor), restarts.size()), flavor);
            assertTrue(Fleet.sh(flavor, "ls /srv/" + flavor + "/build").contains("lang-v1.1.0.done"), flavor);
        }
        assertEquals(1, DeployFleetResource.standIn().downloads("v1.1.0"), "the asset is downloaded once");
        assertAuditChain(release, done);
    }

    private static void assertAuditChain(String release, Map<String, Map<String, Object>> done) {
        int expected = 1 + done.values().stream().mapToInt(d -> 2 + steps((String) d.get("id"))).sum();
        List<EventEnvelope> chain = new ArrayList<>();
        TestKafka.readUntil(SharedInfra.kafkaBootstrap(), Topics.DEPLOY, seen -> {
            chain.clear();
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (r.key() != null && (r.key().startsWith("deployment/") || r.key().startsWith("release/"))) {
                    EventEnvelope e = EventCodec.decode(r.value());
                    if (release.equals(e.correlationid())) {
                        chain.add(e);
                    }
                }
            }
            return chain.size() >= expected;
        }, Duration.ofSeconds(60));
        assertEquals(expected, chain.size());
        assertEquals(1, chain.stream().filter(e -> e.type().equals(ReleasePublished.TYPE)).count());
        assertEquals(5, chain.stream().filter(e -> e.type().equals(DeploymentStarted.TYPE)).count());
        assertEquals(5, chain.stream().filter(e -> e.type().equals(DeploymentSucceeded.TYPE)).count());
        assertEquals(expected - 11, chain.stream().filter(e -> e.type().equals(DeployStepCompleted.TYPE)).count());
    }

    private static int steps(String id) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when()
                .get("/deployments/" + id).then().statusCode(200).extract().jsonPath().getList("steps").size();
    }

    @Test
    @Order(2)
    void failingBuildLangOnObfRollsBackOnlyObf() throws Exception {
        DeployFleetResource.standIn().release("v1.2.0", Map.of("scripts/fail-build-lang", "obf\n"));
        String release = Fleet.publish("v1.2.0");

        Map<String, Map<String, Object>> done = Fleet.awaitRelease(release, 5);
        Map<String, Object> obf = done.get("obf");
        assertEquals("ROLLED_BACK", obf.get("state"), obf.toString());
        assertEquals("build:build_lang", obf.get("failedStep"));
        assertTrue(((String) obf.get("error")).contains("build_lang: obf: failed"), obf.toString());
        assertEquals("v1.1.0", Fleet.head("obf"));
        assertEquals("/srv/obf-static-releases/v1.1.0", Fleet.staticLink("obf"));
        assertEquals("v1.1.0", Fleet.served("obf"));
        for (String flavor : List.of("off", "opf", "opff", "off-pro")) {
            assertEquals("SUCCEEDED", done.get(flavor).get("state"), flavor);
            assertEquals("v1.2.0", Fleet.head(flavor), flavor);
            assertEquals("v1.2.0", Fleet.served(flavor), flavor);
        }
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when()
                .get("/deployments/" + obf.get("id")).then().statusCode(200)
                .body("steps.findAll { it.phase == 'rollback' }.name", equalTo(List.of("checkout", "switch-static",
                        "restart:apache2", "restart:minion", "restart:incron", "health")))
                .body("steps.find { it.name == 'build:build_lang' }.exitCode", equalTo(1));
    }

    @Test
    @Order(3)
    void hostDownFailsThatContainerNamingHostAndCommandWhileOthersSucceed() throws Exception {
        // releases build on each other: the next one must drop v1.2.0's failure marker
        DeployFleetResource.standIn().release("v1.3.0", Map.of("scripts/fail-build-lang", ""));
        Fleet.box().down("opf");
        String release;
        Map<String, Map<String, Object>> done;
        try {
            release = Fleet.publish("v1.3.0");
            done = Fleet.awaitRelease(release, 5);
        } finally {
            Fleet.box().up("opf");
        }
        Map<String, Object> opf = done.get("opf");
        assertEquals("FAILED", opf.get("state"), opf.toString());
        String error = (String) opf.get("error");
        assertTrue(error.contains("on host opf, command `sh -c") && error.contains("Connection refused"), error);
        assertEquals("v1.2.0", Fleet.head("opf"), "nothing changed on opf");
        for (String flavor : List.of("off", "obf", "opff", "off-pro")) {
            assertEquals("SUCCEEDED", done.get(flavor).get("state"), flavor);
            assertEquals("v1.3.0", Fleet.served(flavor), flavor);
        }
    }

    @Test
    @Order(4)
    void localChangesAreRefusedAndReported() {
        Fleet.sh("opff", "echo 'local hack' >> /srv/opff/VERSION");
        try {
            String id = given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR))
                    .contentType("application/json").body("{\"container\":\"opff\",\"tag\":\"v1.1.0\"}")
                    .when().post("/deployments").then().statusCode(202).extract().path("deployments[0].id");
            String correlation = given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                    .when().get("/deployments/" + id).then().extract().path("deployment.correlationId");
            Map<String, Object> opff = Fleet.awaitRelease(correlation, 1).get("opff");
            assertEquals("FAILED", opff.get("state"));
            assertEquals("git-status-clean", opff.get("failedStep"));
            assertTrue(((String) opff.get("error")).contains("exit code 3"), opff.toString());
            given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when().get("/deployments/" + id)
                    .then().body("steps[0].outputTail", org.hamcrest.Matchers.containsString(" M VERSION"));
            assertEquals("v1.3.0-dirty", Fleet.sh("opff", "git -C /srv/opff describe --tags --dirty"));
        } finally {
            Fleet.sh("opff", "git -C /srv/opff checkout -- VERSION");
        }
    }

    @Test
    @Order(5)
    void dryRunReturnsThePlanAndChangesNothing() {
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType("application/json")
                .body("{\"flavor\":\"off\",\"tag\":\"v1.1.0\"}").queryParam("dryRun", true)
                .when().post("/deployments").then().statusCode(200).body("dryRun", equalTo(true))
                .body("plans[0].container", equalTo("off"))
                .body("plans[0].steps.name", org.hamcrest.Matchers.hasItems("git-status-clean", "download-asset",
                        "build:build_lang", "switch-static", "restart:apache2@priority", "health"));
        assertEquals("v1.3.0", Fleet.head("off"));
    }

    @Test
    @Order(6)
    void operatorRollsBackTheLatestDeploymentWhileFollowingItsStream() {
        String id = given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .queryParam("container", "off").queryParam("state", "SUCCEEDED").queryParam("limit", 1)
                .when().get("/deployments").then().statusCode(200).body("items[0].tag", equalTo("v1.3.0"))
                .extract().path("items[0].id");
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).when()
                .post("/deployments/" + id + "/rollback").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).queryParam("dryRun", true).when()
                .post("/deployments/" + id + "/rollback").then().statusCode(200).body("tag", equalTo("v1.2.0"))
                .body("steps[0].name", equalTo("checkout"));
        assertEquals("v1.3.0", Fleet.head("off"), "a dry run changes nothing");

        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).when()
                .post("/deployments/" + id + "/rollback").then().statusCode(202);
        String stream = given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                .accept("text/event-stream").when().get("/deployments/" + id + "/stream").then().statusCode(200)
                .extract().asString();
        assertTrue(stream.contains("\"phase\":\"rollback\"") && stream.contains("\"name\":\"health\""), stream);
        assertTrue(stream.trim().endsWith("\"state\":\"ROLLED_BACK\",\"step\":null}"), stream);
        assertEquals("v1.2.0", Fleet.head("off"));
        assertEquals("/srv/off-static-releases/v1.2.0", Fleet.staticLink("off"));
        assertEquals("v1.2.0", Fleet.served("off"));
        given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).when()
                .post("/deployments/" + id + "/rollback").then().statusCode(409).body("field", equalTo("state"));
    }
}
