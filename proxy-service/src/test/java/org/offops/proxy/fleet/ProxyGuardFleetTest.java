package org.offops.proxy.fleet;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.offops.events.proxy.BanAdded;
import org.offops.events.proxy.CertificateExpiring;
import org.offops.events.proxy.ConfigDriftDetected;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.fleet.FleetBoxResource;
import org.offops.testkit.fleet.FleetSsh;

/** fail2ban jails, manual bans, drift and certificate alarms on the fleet-in-a-box proxy, with the real tools. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
@WithTestResource(value = FleetBoxResource.class, initArgs = {
        @ResourceArg(name = "hosts", value = "off2,proxy,off,obf,opf,opff,off-pro"),
        @ResourceArg(name = "net", value = "81")})
class ProxyGuardFleetTest {

    private static final String SAMPLE_LOG = """
            203.0.113.5 - - [27/Nov/2026:10:00:00 +0000] "GET /api/v2/product/123 HTTP/1.1" 200 512 "-" "python-requests/2.31.0" "-" MISS [0.010]
            203.0.113.6 - - [27/Nov/2026:10:00:01 +0000] "GET /wp-login.php HTTP/1.1" 404 153 "-" "Mozilla/5.0" "-" - [0.001]
            198.51.100.1 - - [27/Nov/2026:10:00:03 +0000] "GET /product/123/nutella HTTP/2.0" 200 40960 "https://world.openfoodfacts.org/" "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0" "-" HIT [0.002]
            198.51.100.2 - alice [27/Nov/2026:10:00:04 +0000] "POST /cgi/session.pl HTTP/1.1" 200 99 "-" "Mozilla/5.0 (Macintosh)" "-" - [0.030]
            203.0.113.8 - - [27/Nov/2026:10:00:05 +0000] "GET / HTTP/1.1" 200 4096 "-" "Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)" "-" - [0.010]
            """;

    @BeforeEach
    void sites() {
        FleetFixture.flavorSites();
    }

    @Test
    void renderedBotFilterMatchesBotsAndNotHumansWithFail2banRegex() throws Exception {
        ensureScrapersRule();
        Files.writeString(FleetFixture.box().host("proxy").path("/var/log/offops-sample-access.log"), SAMPLE_LOG);
        FleetSsh.Result result = FleetFixture.box().exec("proxy",
                "fail2ban-regex /var/log/offops-sample-access.log /etc/fail2ban/filter.d/offops-scrapers.conf");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("Lines: 5 lines, 0 ignored, 3 matched, 2 missed"), result.stdout());
        FleetSsh.Result status = FleetFixture.box().exec("proxy", "fail2ban-client status");
        assertTrue(status.stdout().contains("offops-scrapers"), status.stdout());
        assertTrue(status.stdout().contains("nginx-manual-ban"), status.stdout());
    }

    @Test
    void manualBanShowsInFail2banClientStatusAndIsLifted() {
        String ip = "203.0.113.77";
        ProxyApi.post("/bans", Map.of("ip", ip)).then().statusCode(200).body("jail", equalTo("nginx-manual-ban"))
                .body("hosts", equalTo(List.of("proxy")));
        FleetSsh.Result status = FleetFixture.box().exec("proxy", "fail2ban-client status nginx-manual-ban");
        assertTrue(status.stdout().contains(ip), status.stdout());
        ProxyApi.get("/bans").then().statusCode(200)
                .body("find { it.jail == 'nginx-manual-ban' }.bannedIps", hasItem(ip));
        FleetFixture.event("ban/" + ip, BanAdded.class, e -> e.jail().equals("nginx-manual-ban"));

        ProxyApi.delete("/bans/" + ip).then().statusCode(200);
        assertFalse(FleetFixture.box().exec("proxy", "fail2ban-client status nginx-manual-ban").stdout().contains(ip));
    }

    @Test
    void aBanOfSomethingElseThanAnAddressIsRefused() {
        ProxyApi.post("/bans", Map.of("ip", "example.org")).then().statusCode(400).body("field", equalTo("ip"));
        ProxyApi.post("/bans", Map.of("ip", "203.0.113.1", "jail", "Bad Jail")).then().statusCode(400)
                .body("field", equalTo("jail"));
    }

    @Test
    void outOfBandEditIsReportedAsDriftAndRepairedByReapplying() throws Exception {
        Path file = FleetFixture.box().host("proxy").path("/etc/nginx/sites-enabled/obf");
        Files.writeString(file, "# edited by hand\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        JsonPath report = ProxyApi.get("/sites/obf/drift").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getBoolean("drifted"));
        assertEquals("/etc/nginx/sites-enabled/obf", report.getString("files[0].path"));
        assertTrue(report.getString("files[0].diff").contains("+# edited by hand"), report.getString("files[0].diff"));
        ConfigDriftDetected drift = FleetFixture.event("proxy/proxy", ConfigDriftDetected.class,
                e -> e.path().equals("/etc/nginx/sites-enabled/obf") && e.diff().contains("edited by hand"));
        assertFalse(drift.expectedSha256().equals(drift.actualSha256()));

        ProxyApi.post("/hosts/proxy/apply", Map.of()).then().statusCode(200).body("[0].status", equalTo("applied"));
        ProxyApi.get("/sites/obf/drift").then().statusCode(200).body("drifted", equalTo(false));
    }

    @Test
    void expiringCertificateRaisesTheAlarm() {
        FleetSsh.Result cert = FleetFixture.box().exec("proxy", "mkdir -p /etc/nginx/certs/opf && openssl req -x509"
                + " -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3 -subj /CN=openproductsfacts.org"
                + " -keyout /etc/nginx/certs/opf/privkey.pem -out /etc/nginx/certs/opf/fullchain.pem");
        assertEquals(0, cert.exitCode(), cert.stderr());
        Map<String, Object> site = new HashMap<>(ProxyApi.site("opf", List.of()));
        site.put("tls", Map.of("certificate", "/etc/nginx/certs/opf/fullchain.pem",
                "key", "/etc/nginx/certs/opf/privkey.pem"));
        ProxyApi.update("opf", site, false).then().statusCode(200);

        ProxyApi.get("/sites/opf/certificate").then().statusCode(200).body("expiring", equalTo(true))
                .body("daysLeft", equalTo(2)).body("domain", equalTo("openproductsfacts.org"));
        CertificateExpiring alarm = FleetFixture.event("site/opf", CertificateExpiring.class, e -> true);
        assertEquals(2, alarm.daysLeft());
    }

    @Test
    void aDeletedSiteLeavesTheProxyAndItsFileIsRemoved() throws Exception {
        Map<String, Object> extra = new HashMap<>(ProxyApi.site("opff", List.of()));
        extra.put("id", "opff-extra");
        extra.put("domains", List.of("openpetfoodfacts.example"));
        ProxyApi.create(extra, false).then().statusCode(201);
        Path file = FleetFixture.box().host("proxy").path("/etc/nginx/sites-enabled/opff-extra");
        assertTrue(Files.exists(file));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "opff".equals(FleetFixture.backendFor("openpetfoodfacts.example")));

        String etag = ProxyApi.get("/sites/opff-extra").then().statusCode(200).extract().header("ETag");
        io.restassured.RestAssured.given()
                .header("Authorization", org.offops.testkit.TestTokens.bearer(org.offops.testkit.TestTokens.ADMIN))
                .header("If-Match", etag).delete("/sites/opff-extra").then().statusCode(200)
                .body("hosts[0].status", equalTo("applied"))
                .body("hosts[0].files.find { it.path == '/etc/nginx/sites-enabled/opff-extra' }.action",
                        equalTo("DELETE"));
        assertFalse(Files.exists(file));
        ProxyApi.get("/sites/opff-extra").then().statusCode(404);
        // a reload is graceful: old workers may answer a moment longer, as when the site was added
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !"opff".equals(FleetFixture.backendFor("openpetfoodfacts.example")));
    }

    private static void ensureScrapersRule() {
        if (ProxyApi.get("/bot-rules/scrapers").statusCode() == 404) {
            ProxyApi.post("/bot-rules", Map.of("name", "scrapers",
                    "userAgents", List.of("python-requests", "Bytespider"),
                    "paths", List.of("/wp-login\\.php", "/\\.env"),
                    "findTimeSeconds", 600, "maxRetry", 3, "banTimeSeconds", 3600)).then().statusCode(201);
        }
    }
}
