package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports the hand-written proxy sites (production's from ../shared/fixtures when present, and this project's own in
 * the same format), renders them back and checks that every directive production relies on is still there.
 */
class ProductionConformanceTest {

    /** Production directives offops deliberately does not carry over, and why. */
    private static final Set<String> DELIBERATE = Set.of(
            // TLS 1.0/1.1 are deprecated (RFC 8996)
            "ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;",
            // add_header in a location hides the server's: offops repeats it with "always" instead
            "add_header Strict-Transport-Security \"max-age=63072000\";",
            "add_header X-Content-Type-Options nosniff;",
            // once, in offops-common.conf: a second map of the same variable is an nginx error
            "map $status $rate_limited {", "default 0;", "444 1;",
            // production writes minutes, offops seconds or minutes by value: same meaning
            "proxy_cache_valid any 2m;");

    private static final Map<String, String> CONTAINERS = Map.of("10.1.0.113", "off", "10.1.0.118", "opff",
            "10.1.0.114", "off-pro", "10.1.0.130", "oxf");

    static Stream<Arguments> productionSites() {
        return Stream.of(
                Arguments.of("off", "off", "confs/proxy-off/nginx/openfoodfacts.org"),
                Arguments.of("opff", "opff", "confs/proxy-off/nginx/openpetfoodfacts.org"),
                Arguments.of("off-pro", "off-pro", "confs/proxy-off/nginx/pro.openfoodfacts.org"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("productionSites")
    void renderedProductionSiteKeepsEveryProductionDirective(String id, String flavor, String file) throws Exception {
        String production = DomainFixtures.production(file);
        Site site = SiteImporter.read(id, flavor, "proxy", production, CONTAINERS::get);
        assertEquals(List.of(), SiteRules.check(site, true));
        String rendered = new NginxSiteRenderer(RenderSettings.production()).render(site,
                reverse(site.container()), "10.1.0.101");
        assertEquals(List.of(), missing(production, rendered, site));
    }

    @Test
    void ownFixtureImportsWithEverySetting() {
        Site site = SiteImporter.read("oxf", "oxf", "proxy", DomainFixtures.resource("openexamplefacts.org"),
                CONTAINERS::get);
        assertEquals(List.of("openexamplefacts.org"), site.domains());
        assertTrue(site.wildcardSubdomains());
        assertEquals("oxf", site.container());
        assertEquals(8080, site.port());
        assertEquals(new CacheSettings(120, 10), site.cache());
        assertEquals(new RateLimit(120, 60, false), site.rateLimit());
        assertEquals(List.of("BadBot/1.0"), site.blockedUserAgents());
        assertEquals("/etc/letsencrypt/live/openexamplefacts.org/privkey.pem", site.tls().key());
        assertTrue(site.accessLog());
        assertEquals(new ProxyTuning(true, false), site.tuning());
    }

    @Test
    void ownFixtureRendersBackWithItsDirectives() {
        String fixture = DomainFixtures.resource("openexamplefacts.org");
        Site site = SiteImporter.read("oxf", "oxf", "proxy", fixture, CONTAINERS::get);
        String rendered = new NginxSiteRenderer(RenderSettings.production()).render(site, "10.1.0.130", "10.1.0.101");
        assertEquals(List.of(), missing(fixture, rendered, site));
    }

    private static List<String> missing(String original, String rendered, Site site) {
        List<String> renderedDirectives = NginxDirectives.of(rendered);
        List<String> missing = new ArrayList<>();
        for (String directive : NginxDirectives.of(original)) {
            if (!renderedDirectives.contains(directive.replace("){", ") {")) && !DELIBERATE.contains(directive)
                    && !directive.startsWith("location ~* /(api|cgi)/")) {
                missing.add(directive);
            }
        }
        return missing;
    }

    private static String reverse(String container) {
        return CONTAINERS.entrySet().stream().filter(e -> e.getValue().equals(container)).findFirst().orElseThrow()
                .getKey();
    }
}
