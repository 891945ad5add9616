package org.offops.deploy.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offops.deploy.domain.HandTar;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.TestTokens;

/** Hostile archives and tags are refused before any host changes: same HEAD, same static link, no restart. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = DeployFleetResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,off,obf,opf,opff,off-pro"), @ResourceArg(name = "net", value = "91")})
class HostileReleaseTest {

    private static HandTar site() {
        return new HandTar().file("index.html", "<h1>hostile</h1>").dir("css/").file("css/app.css", "body{}");
    }

    @Test
    void archivesEscapingTheReleaseDirectoryAreRefusedWithNothingChanged() throws Exception {
        Map<String, HandTar> hostile = Map.of(
                "v6.0.1", site().file("../../../etc/offops-evil", "x"),
                "v6.0.2", site().file("/etc/offops-evil", "x"),
                "v6.0.3", site().symlink("css/etc", "../../../../etc"));
        Map<String, String> before = snapshot();
        for (Map.Entry<String, HandTar> archive : hostile.entrySet()) {
            DeployFleetResource.standIn().release(archive.getKey());
            DeployFleetResource.standIn().serveAsset(archive.getKey(), archive.getValue().tgz());
            String release = Fleet.publish(archive.getKey());
            Map<String, Map<String, Object>> done = Fleet.awaitRelease(release, 5);
            for (String flavor : Fleet.FLAVORS) {
                Map<String, Object> d = done.get(flavor);
                assertEquals("FAILED", d.get("state"), archive.getKey() + " " + d);
                assertEquals("download-asset", d.get("failedStep"));
                assertTrue(((String) d.get("error")).contains("refused before extraction"), d.toString());
            }
            assertEquals(1, DeployFleetResource.standIn().downloads(archive.getKey()), "downloaded once, refused once");
        }
        assertEquals(before, snapshot(), "nothing changed on any host");
        for (String flavor : Fleet.FLAVORS) {
            assertEquals("absent", Fleet.sh(flavor, "ls /etc/offops-evil /srv/offops-evil 2>/dev/null || echo absent"));
        }
    }

    @Test
    void hostileTagIsRefusedAtTheApiWithNothingChanged() {
        Map<String, String> before = snapshot();
        for (String tag : List.of("v1;reboot", "../v1", "-v1", "v1 2", "$(reboot)")) {
            given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType("application/json")
                    .body(Map.of("flavor", "off", "tag", tag)).when().post("/deployments")
                    .then().statusCode(422).body("field", equalTo("tag"));
        }
        given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).queryParam("container", "off")
                .when().get("/deployments").then().statusCode(200);
        assertEquals(before, snapshot());
    }

    /** HEAD, static link and restart count of every app container. */
    private static Map<String, String> snapshot() {
        Map<String, String> state = new HashMap<>();
        for (String flavor : Fleet.FLAVORS) {
            state.put(flavor, Fleet.head(flavor) + " " + Fleet.staticLink(flavor) + " " + Fleet.restarts(flavor).size()
                    + " " + Fleet.sh(flavor, "ls /srv/" + flavor + "-static-releases"));
        }
        return state;
    }
}
