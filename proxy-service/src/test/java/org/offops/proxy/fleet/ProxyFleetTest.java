package org.offops.proxy.fleet;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.offops.events.proxy.ProxyConfigApplied;
import org.offops.events.proxy.ProxyConfigRejected;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.fleet.FleetBoxResource;

/** The five flavor sites applied to the fleet-in-a-box proxy, with its real nginx answering for each flavor. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,proxy,off,obf,opf,opff,off-pro"),
        @ResourceArg(name = "net", value = "80")})
class ProxyFleetTest {

    @BeforeEach
    void sites() {
        FleetFixture.flavorSites();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"openfoodfacts.org,off", "world.openfoodfacts.org,off", "fr.openbeautyfacts.org,obf",
            "world.openproductsfacts.org,opf", "openpetfoodfacts.org,opff", "world.pro.openfoodfacts.org,off-pro",
            "pro.openfoodfacts.org,off-pro"})
    void eachFlavorsHostHeaderReachesItsBackend(String host, String container) {
        await().atMost(Duration.ofSeconds(20)).until(() -> container.equals(FleetFixture.backendFor(host)));
    }

    @Test
    void appliedConfigurationIsRecordedInGitAndAnnounced() throws Exception {
        ProxyConfigApplied applied = FleetFixture.event("proxy/proxy", ProxyConfigApplied.class,
                e -> e.sites().contains("off"));
        assertNotNull(applied.commitId());
        assertTrue(applied.files().contains("/etc/nginx/sites-enabled/off"), applied.files().toString());
        Process git = new ProcessBuilder("git", "--git-dir", Path.of("target/infrastructure.git").toAbsolutePath()
                .toString(), "cat-file", "-e", applied.commitId() + ":confs/proxy/etc/nginx/sites-enabled/off")
                .inheritIO().start();
        assertEquals(0, git.waitFor(), "the commit holds the site file under confs/proxy/");
    }

    @Test
    void invalidSiteIsRejectedAndTheOldConfigKeepsServing() throws Exception {
        String before = FleetFixture.hostFile("proxy", "/etc/nginx/sites-enabled/opff");
        Map<String, Object> broken = ProxyApi.site("opff", List.of(Map.of("match", "= /robots.txt",
                "directives", List.of("no_such_directive on;"))));
        ProxyApi.update("opff", broken, false).then().statusCode(422)
                .body("error", containsString("unknown directive \"no_such_directive\""))
                .body("field", equalTo("site"));
        assertEquals(before, FleetFixture.hostFile("proxy", "/etc/nginx/sites-enabled/opff"), "previous file back");
        ProxyApi.get("/sites/opff").then().statusCode(200).body("extraLocations.size()", equalTo(0));
        assertEquals("opff", FleetFixture.backendFor("openpetfoodfacts.org"), "the old configuration still serves");
        ProxyConfigRejected rejected = FleetFixture.event("proxy/proxy", ProxyConfigRejected.class,
                e -> "opff".equals(e.site()));
        assertTrue(rejected.nginxError().contains("no_such_directive"), rejected.nginxError());
    }

    @Test
    void dryRunReturnsTheRenderedFilesAndTheDiffAndChangesNothing() throws Exception {
        String before = FleetFixture.hostFile("proxy", "/etc/nginx/sites-enabled/obf");
        Map<String, Object> changed = new java.util.HashMap<>(ProxyApi.site("obf", List.of()));
        changed.put("blockedUserAgents", List.of("python-requests/2.32.2", "NewBot/1.0"));
        JsonPath plan = ProxyApi.update("obf", changed, true).then().statusCode(200).extract().jsonPath();
        assertTrue(plan.getBoolean("dryRun"));
        assertEquals("dry-run", plan.getString("hosts[0].status"));
        String diff = plan.getString("hosts[0].files.find { it.path == '/etc/nginx/sites-enabled/obf' }.diff");
        assertTrue(diff.contains("+        if ($http_user_agent = \"NewBot/1.0\") {"), diff);
        assertEquals("UPDATE", plan.getString("hosts[0].files.find { it.path == '/etc/nginx/sites-enabled/obf' }.action"));
        assertEquals(before, FleetFixture.hostFile("proxy", "/etc/nginx/sites-enabled/obf"));
        ProxyApi.get("/sites/obf").then().body("blockedUserAgents.size()", equalTo(1));
    }

    @Test
    void aNewReleaseOnTheBackendIsServedThroughTheProxy() throws Exception {
        // what a deploy ends with: new code in /srv/opf, the backend restarted (the deploy service does this over SSH)
        var box = FleetFixture.box();
        assertEquals(0, box.exec("opf", "printf 'v9.9.9\\n' > /srv/opf/VERSION && systemctl restart apache2")
                .exitCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> "v9.9.9".equals(ProxyClient.get(
                FleetFixture.proxyAddress(), 80, "world.openproductsfacts.org", "/version").header("X-Offops-Version")));
    }

    @Test
    void blockedUserAgentIsSentToTheStopCrawlingPage() throws Exception {
        ProxyClient.Answer bot = ProxyClient.get(FleetFixture.proxyAddress(), 80, "openfoodfacts.org", "/version",
                "python-requests/2.32.2");
        assertFalse("off".equals(bot.header("X-Offops-Host")), "a blocked agent never reaches the backend");
    }
}
