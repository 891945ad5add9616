package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NginxSiteRendererTest {

    private static final RenderSettings PRODUCTION = RenderSettings.production();
    private static final RenderSettings LOCAL = PRODUCTION.withListen(ListenMode.parse("ssh-host:80"));

    static Stream<Arguments> productionDirectives() {
        return Stream.of(
                Arguments.of("wildcard server names", "server_name openfoodfacts.org *.openfoodfacts.org;"),
                Arguments.of("port 80 redirects", "return 301 https://$host$request_uri;"),
                Arguments.of("443 with http2", "listen 443 ssl http2;"),
                Arguments.of("wildcard certificate", "ssl_certificate /etc/letsencrypt/live/openfoodfacts.org/fullchain.pem;"),
                Arguments.of("HSTS", "add_header Strict-Transport-Security \"max-age=63072000\" always;"),
                Arguments.of("static cache for minutes", "proxy_cache_valid any 5m;"),
                Arguments.of("api cache keyed on the user cookie", "proxy_cache_key $host$request_uri$cookie_user;"),
                Arguments.of("api cache for seconds", "proxy_cache_valid any 5s;"),
                Arguments.of("rate limit zone", "limit_req_zone $binary_remote_addr zone=off:10m rate=240r/m;"),
                Arguments.of("rate limit", "limit_req zone=off burst=120 nodelay;"),
                Arguments.of("rate limit dry run", "limit_req_dry_run on;"),
                Arguments.of("502 page", "error_page 502 /502.html;"),
                Arguments.of("upstream of the flavor", "proxy_pass http://10.1.0.113:80/;"),
                Arguments.of("forwarded proto", "proxy_set_header X-Forwarded-Proto https;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionDirectives")
    void productionSiteHasTheProductionDirective(String what, String directive) {
        String site = new NginxSiteRenderer(PRODUCTION).render(DomainFixtures.off(), "10.1.0.113", "10.1.0.101");
        assertTrue(NginxDirectives.of(site).contains(directive), what + ": " + directive + " missing in\n" + site);
    }

    static Stream<Arguments> localDirectives() {
        return Stream.of(
                Arguments.of("listens on the proxy's own address", "listen 127.0.0.101:80;", true),
                Arguments.of("no TLS", "listen 443 ssl http2;", false),
                Arguments.of("no redirect", "return 301 https://$host$request_uri;", false),
                Arguments.of("no HSTS", "add_header Strict-Transport-Security \"max-age=63072000\" always;", false),
                Arguments.of("forwards the real scheme", "proxy_set_header X-Forwarded-Proto $scheme;", true),
                Arguments.of("still caches the api", "proxy_cache_key $host$request_uri$cookie_user;", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localDirectives")
    void localSiteIsPlainHttp(String what, String directive, boolean present) {
        String site = new NginxSiteRenderer(LOCAL).render(DomainFixtures.off(), "127.0.0.113", "127.0.0.101");
        assertEquals(present, NginxDirectives.of(site).contains(directive), what + "\n" + site);
    }

    @Test
    void renderingIsDeterministic() {
        RenderedConfig first = new ProxyConfig(PRODUCTION).render("proxy", "10.1.0.101",
                List.of(DomainFixtures.off(), DomainFixtures.offWithAgentBlocks().withContainer("obf")),
                List.of(DomainFixtures.scrapers()), c -> "10.1.0.1");
        RenderedConfig second = new ProxyConfig(PRODUCTION).render("proxy", "10.1.0.101",
                List.of(DomainFixtures.off(), DomainFixtures.offWithAgentBlocks().withContainer("obf")),
                List.of(DomainFixtures.scrapers()), c -> "10.1.0.1");
        assertEquals(first.files(), second.files());
    }

    @Test
    void blockedUserAgentsAreSentToTheStopCrawlingPage() {
        String site = new NginxSiteRenderer(PRODUCTION).render(DomainFixtures.offWithAgentBlocks(), "10.1.0.113", "x");
        List<String> directives = NginxDirectives.of(site);
        assertEquals(2, directives.stream().filter(d -> d.equals("if ($http_user_agent = \"-\") {")).count(),
                "blocked in /api/ and /");
        assertTrue(directives.contains("location ~* stop-crawling.txt {"));
    }

    @Test
    void withoutWildcardOnlyTheNamedDomainsAreServed() {
        Site images = DomainFixtures.images();
        String site = new ImagesSiteRenderer(PRODUCTION).render(images, "10.0.0.2");
        assertTrue(NginxDirectives.of(site).contains("server_name images.openfoodfacts.org static.openfoodfacts.org;"));
        assertTrue(NginxDirectives.of(site).contains("try_files $uri @fallback;"));
        assertTrue(NginxDirectives.of(site).contains("proxy_set_header Host cache.openfoodfacts.org;"));
        assertFalse(site.contains("*."));
    }

    @Test
    void proxyHostsGetFail2banFilesAndImageHostsDoNot() {
        ProxyConfig config = new ProxyConfig(PRODUCTION);
        RenderedConfig proxy = config.render("proxy", "a", List.of(DomainFixtures.off()),
                List.of(DomainFixtures.scrapers()), c -> "10.1.0.113");
        RenderedConfig images = config.render("off2", "a", List.of(DomainFixtures.images()),
                List.of(DomainFixtures.scrapers()), c -> "10.1.0.113");
        assertEquals(List.of("/etc/fail2ban/filter.d/offops-scrapers.conf", "/etc/fail2ban/jail.d/offops-nginx.local",
                "/etc/nginx/conf.d/offops-common.conf", "/etc/nginx/sites-enabled/off"), List.copyOf(proxy.files().keySet()));
        assertEquals(List.of("/etc/nginx/conf.d/offops-common.conf", "/etc/nginx/sites-enabled/images"),
                List.copyOf(images.files().keySet()));
        assertEquals("10.1.0.113", proxy.upstreams().get("off"));
    }
}
