package org.offops.proxy.fleet;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.offops.testkit.TestTokens;

/** The proxy-service API calls the fleet tests make, with the test tokens. */
final class ProxyApi {

    static final Map<String, List<String>> FLAVOR_DOMAINS = Map.of(
            "off", List.of("openfoodfacts.org"),
            "obf", List.of("openbeautyfacts.org"),
            "opf", List.of("openproductsfacts.org"),
            "opff", List.of("openpetfoodfacts.org"),
            "off-pro", List.of("pro.openfoodfacts.org"));

    private ProxyApi() {
    }

    /** A plain-HTTP proxy site for a flavor, as the local stack runs it. */
    static Map<String, Object> site(String flavor, List<Map<String, Object>> extraLocations) {
        Map<String, Object> site = new java.util.LinkedHashMap<>();
        site.put("id", flavor);
        site.put("kind", "PROXY");
        site.put("host", "proxy");
        site.put("flavor", flavor);
        site.put("container", flavor);
        site.put("domains", FLAVOR_DOMAINS.get(flavor));
        site.put("wildcardSubdomains", true);
        site.put("cache", Map.of("staticSeconds", 300, "apiSeconds", 5));
        site.put("rateLimit", Map.of("perMinute", 6000, "burst", 1000, "dryRun", true));
        site.put("blockedUserAgents", List.of("python-requests/2.32.2"));
        site.put("extraLocations", extraLocations);
        site.put("accessLog", true);
        return site;
    }

    static Response create(Object body, boolean dryRun) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON)
                .queryParam("dryRun", dryRun).body(body).post("/sites");
    }

    static Response update(String id, Object body, boolean dryRun) {
        String etag = given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).get("/sites/" + id)
                .then().statusCode(200).extract().header("ETag");
        return given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON)
                .header("If-Match", etag).queryParam("dryRun", dryRun).body(body).put("/sites/" + id);
    }

    static Response get(String path) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).get(path);
    }

    static Response post(String path, Object body) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).contentType(ContentType.JSON)
                .body(body).post(path);
    }

    static Response delete(String path) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.OPERATOR)).delete(path);
    }
}
