package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SiteRulesTest {

    private static Site with(UnaryOperator<Site> change) {
        return change.apply(DomainFixtures.off());
    }

    private static Site site(String id, String container, List<String> domains, Tls tls, List<String> agents,
                             List<ExtraLocation> extra) {
        Site off = DomainFixtures.off();
        return new Site(id, SiteKind.PROXY, "proxy", "off", container, 80, domains, true, tls, off.cache(),
                off.rateLimit(), agents, extra, null, false, null);
    }

    static Stream<Arguments> refusals() {
        List<String> d = DomainFixtures.OFF_DOMAINS;
        Tls tls = Tls.letsEncrypt("openfoodfacts.org");
        return Stream.of(
                Arguments.of("id with a slash", site("off/x", "off", d, tls, List.of(), List.of()), "id"),
                Arguments.of("no container", site("off", null, d, tls, List.of(), List.of()), "container"),
                Arguments.of("no domain", site("off", "off", List.of(), tls, List.of(), List.of()), "domains"),
                Arguments.of("domain with a space", site("off", "off", List.of("a b.org"), tls, List.of(), List.of()),
                        "domains"),
                Arguments.of("domain injecting a directive",
                        site("off", "off", List.of("x.org;return"), tls, List.of(), List.of()), "domains"),
                Arguments.of("same domain twice", site("off", "off", List.of("a.org", "a.org"), tls, List.of(),
                        List.of()), "domains"),
                Arguments.of("no certificate in production", site("off", "off", d, null, List.of(), List.of()), "tls"),
                Arguments.of("relative key path", site("off", "off", d, new Tls("/a/cert.pem", "key.pem", null),
                        List.of(), List.of()), "tls.key"),
                Arguments.of("certificate path escaping", site("off", "off", d, new Tls("/a/../../etc/shadow",
                        "/a/k", null), List.of(), List.of()), "tls.certificate"),
                Arguments.of("user agent with a quote", site("off", "off", d, tls, List.of("a\" { return 200"),
                        List.of()), "blockedUserAgents"),
                Arguments.of("user agent with a variable", site("off", "off", d, tls, List.of("$host"), List.of()),
                        "blockedUserAgents"),
                Arguments.of("location opening a block", site("off", "off", d, tls, List.of(),
                        List.of(new ExtraLocation("/x {", List.of("return 200;")))), "extraLocations.match"),
                Arguments.of("directive closing the block", site("off", "off", d, tls, List.of(),
                        List.of(new ExtraLocation("/x", List.of("return 200; } server {")))), "extraLocations.directives"),
                Arguments.of("two directives on a line", site("off", "off", d, tls, List.of(),
                        List.of(new ExtraLocation("/x", List.of("return 200; return 404;")))), "extraLocations.directives"),
                Arguments.of("include", site("off", "off", d, tls, List.of(),
                        List.of(new ExtraLocation("/x", List.of("include /etc/shadow;")))), "extraLocations.directives"),
                Arguments.of("no directive", site("off", "off", d, tls, List.of(),
                        List.of(new ExtraLocation("/x", List.of()))), "extraLocations.directives"),
                Arguments.of("negative cache", with(s -> new Site(s.id(), s.kind(), s.host(), s.flavor(), s.container(),
                        s.port(), s.domains(), true, s.tls(), new CacheSettings(-1, 5), s.rateLimit(), List.of(),
                        List.of(), null, false, null)), "cache"),
                Arguments.of("port out of range", with(s -> new Site(s.id(), s.kind(), s.host(), s.flavor(),
                        s.container(), 70000, s.domains(), true, s.tls(), s.cache(), s.rateLimit(), List.of(),
                        List.of(), null, false, null)), "port"),
                Arguments.of("images site without a store", new Site("img", SiteKind.IMAGES, "off2", null, null, 80,
                        d, false, tls, null, null, null, null, null, false, null), "images"),
                Arguments.of("images fallback that is not a URL", new Site("img", SiteKind.IMAGES, "off2", null, null,
                        80, d, false, tls, null, null, null, null, new ImageStore("/zfs/off", "ftp://x", "a.org"),
                        false, null), "images.fallbackUrl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithTheOffendingField(String what, Site site, String field) {
        List<Violation> violations = SiteRules.check(site, true);
        assertEquals(field, violations.isEmpty() ? null : violations.get(0).field(), what + ": " + violations);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("production flavor site", DomainFixtures.off()),
                Arguments.of("images site", DomainFixtures.images()),
                Arguments.of("extra location", DomainFixtures.off().withExtraLocations(List.of(new ExtraLocation(
                        "= /robots.txt", List.of("root /srv/robots;", "add_header Cache-Control \"max-age=60\";"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsWellFormedSites(String what, Site site) {
        assertEquals(List.of(), SiteRules.check(site, true), what);
    }
}
