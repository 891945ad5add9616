package org.offops.testkit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.offops.fleet.FleetSpecReader;
import org.offops.testkit.fleet.FleetBox;

/** The stand-in gives app containers what a deploy expects to find: a clean clone, the layout links, a served release. */
class ProductOpenerStandInTest {

    private static FleetBox box;
    private static ProductOpenerStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("standin-test-");
        standIn = ProductOpenerStandIn.create(root.resolve("upstream"));
        box = FleetBox.builder(FleetSpecReader.read(org.offops.testkit.Repo.fleetFile()))
                .root(root.resolve("fleet")).hosts("off", "obf").loopbackNet(51).start();
        standIn.seed(box);
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.stop();
            assertEquals(List.of(), box.leftoverProcesses());
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void seededContainerIsACleanCloneAtTheFirstRelease() {
        assertEquals("v1.0.0", box.exec("obf", "git -C /srv/obf describe --tags").orThrow().stdout().strip());
        assertEquals("", box.exec("obf", "git -C /srv/obf status --porcelain").orThrow().stdout().strip());
        assertEquals("v1.0.0\nv1.1.0", box.exec("obf", "git -C /srv/obf tag").orThrow().stdout().strip());
    }

    @Test
    void seededContainerHasTheDeploymentLayoutLinks() {
        assertEquals("/srv/off/conf/apache-2.4/sites-available/off.conf",
                box.exec("off", "readlink /etc/apache2/sites-enabled/off.conf").orThrow().stdout().strip());
        assertEquals("/srv/off/conf/systemd/apache2.service.d",
                box.exec("off", "readlink /etc/systemd/system/apache2.service.d").orThrow().stdout().strip());
        assertEquals("/mnt/off/products", box.exec("off", "readlink /srv/off/products").orThrow().stdout().strip());
        assertEquals("/srv/off-static-releases/v1.0.0", box.exec("off", "readlink /srv/off-static").orThrow().stdout().strip());
        assertTrue(box.exec("off", "grep -q v1.0.0 /srv/off-static/index.html").ok());
    }

    @Test
    void backendServesTheSeededRelease() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + box.host("obf").address() + "/version")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("v1.0.0", response.body().strip());
        assertEquals("/srv/obf-static-releases/v1.0.0", response.headers().firstValue("X-Offops-Static").orElse(""));
    }

    @Test
    void buildLangFailsOnlyForTheFlavorsTheReleaseLists() throws Exception {
        standIn.release("v1.2.0-fails-obf", Map.of("scripts/fail-build-lang", "obf\n"));
        for (String flavor : List.of("off", "obf")) {
            box.exec(flavor, "git -C /srv/" + flavor + " fetch -q --tags origin && git -C /srv/" + flavor
                    + " -c advice.detachedHead=false checkout -q v1.2.0-fails-obf").orThrow();
        }
        assertEquals(0, box.exec("off", "cd /srv/off && scripts/build_lang.sh").exitCode());
        var failed = box.exec("obf", "cd /srv/obf && scripts/build_lang.sh");
        assertEquals(1, failed.exitCode());
        assertTrue(failed.stderr().contains("build_lang: obf: failed"), failed.stderr());
        assertEquals("", box.exec("off", "git -C /srv/off status --porcelain").orThrow().stdout().strip());
        for (String flavor : List.of("off", "obf")) {
            box.exec(flavor, "git -C /srv/" + flavor + " checkout -q v1.0.0").orThrow();
        }
    }

    @Test
    void assetsAreServedAtGithubPathsAndCounted() throws Exception {
        int before = standIn.downloads("v1.1.0");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(standIn.assetUrl("v1.1.0"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(standIn.assetUrl("v1.1.0").endsWith(
                "/openfoodfacts/openfoodfacts-server/releases/download/v1.1.0/frontend-dist.tgz"));
        assertEquals(before + 1, standIn.downloads("v1.1.0"));
        assertTrue(standIn.releasePayload("v1.1.0").contains("\"tag_name\":\"v1.1.0\""));
    }
}
