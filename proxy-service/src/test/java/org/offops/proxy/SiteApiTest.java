package org.offops.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.TestTokens;

/** The API edge of sites, bot rules and bans: roles, validation naming the field, nothing stored on refusal. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class SiteApiTest {

    private static Map<String, Object> site(String id, List<String> domains) {
        return site(id, "proxy", domains);
    }

    private static Map<String, Object> site(String id, String host, List<String> domains) {
        return Map.of("id", id, "kind", "PROXY", "host", host, "flavor", "off", "container", "off",
                "domains", domains, "wildcardSubdomains", true,
                "tls", Map.of("certificate", "/etc/letsencrypt/live/x/fullchain.pem",
                        "key", "/etc/letsencrypt/live/x/privkey.pem"));
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "POST, /sites, viewer, 403",
            "POST, /bot-rules, viewer, 403",
            "POST, /bans, viewer, 403",
            "POST, /hosts/proxy/apply, viewer, 403",
            "GET, /sites, none, 401",
            "GET, /bans, none, 401"})
    void rolesAreEnforced(String method, String path, String role, int status) {
        var request = given().contentType(ContentType.JSON).body(Map.of());
        if (!role.equals("none")) {
            request = request.header("Authorization", TestTokens.bearer(TestTokens.VIEWER));
        }
        request.request(method, path).then().statusCode(status).body("error", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSiteWithABadDomainIsRefusedNamingTheField() {
        operator().body(site("off", List.of("x.org;return 200"))).post("/sites").then().statusCode(400)
                .body("field", equalTo("domains"));
        viewer().get("/sites/off").then().statusCode(404);
    }

    @Test
    void aSiteOnAHostOutsideTheFleetViewIsRefused() {
        operator().queryParam("dryRun", true).body(site("off", "no-such-proxy", List.of("openfoodfacts.org")))
                .post("/sites")
                .then().statusCode(422).body("field", equalTo("host"))
                .body("error", containsString("not in this service's fleet view"));
    }

    @Test
    void aBotRuleWithABrokenRegexIsRefused() {
        operator().body(Map.of("name", "scrapers", "userAgents", List.of("(unclosed"), "paths", List.of(),
                "findTimeSeconds", 60, "maxRetry", 3, "banTimeSeconds", 60)).post("/bot-rules").then()
                .statusCode(400).body("field", equalTo("userAgents"));
    }

    @Test
    void anUpdateNeedsTheETagItRead() {
        operator().body(site("off", List.of("openfoodfacts.org"))).put("/sites/off").then().statusCode(428)
                .body("field", equalTo("If-Match"));
    }

    @Test
    void aHostNameThatIsNotOneIsRefused() {
        operator().post("/hosts/Bad_Host/apply").then().statusCode(400).body("field", equalTo("host"));
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON);
    }

    private static io.restassured.specification.RequestSpecification viewer() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER));
    }
}
