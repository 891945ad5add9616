package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real nginx 1.22 of this machine ({@code nginx -t}) accepts what the renderers produce, in both listen modes. */
class NginxAcceptsRenderedConfigTest {

    @TempDir
    Path dir;

    @Test
    void productionTlsConfigurationPassesNginxTest() throws Exception {
        Tls tls = DomainFixtures.selfSigned(dir.resolve("tls"), "openfoodfacts.org", 30);
        Site off = DomainFixtures.offWithAgentBlocks();
        Site site = new Site(off.id(), off.kind(), off.host(), off.flavor(), off.container(), off.port(), off.domains(),
                true, tls, off.cache(), off.rateLimit(), off.blockedUserAgents(), List.of(), null, true, null);
        Site obf = Site.proxy("obf", "proxy", "obf", "obf", List.of("openbeautyfacts.org"));
        Site obfWithTestCert = new Site(obf.id(), obf.kind(), obf.host(), obf.flavor(), obf.container(), obf.port(),
                obf.domains(), true, tls, obf.cache(), obf.rateLimit(), List.of(), List.of(), null, false, null);
        RenderedConfig config = new ProxyConfig(DomainFixtures.settings(dir, ListenMode.production()))
                .render("proxy", "10.1.0.101", List.of(site, obfWithTestCert), List.of(), c -> "10.1.0.113");
        DomainFixtures.Result result = DomainFixtures.nginxTest(dir, config);
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void localPlainConfigurationPassesNginxTest() throws Exception {
        RenderedConfig config = new ProxyConfig(DomainFixtures.settings(dir, ListenMode.parse("127.0.0.1:8480")))
                .render("proxy", "127.0.0.101", List.of(DomainFixtures.off(),
                        Site.proxy("opff", "proxy", "opff", "opff", List.of("openpetfoodfacts.org"))),
                        List.of(), c -> "127.0.0.113");
        DomainFixtures.Result result = DomainFixtures.nginxTest(dir, config);
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void anUnknownDirectiveInAnExtraLocationFailsNginxTestWithItsReason() throws Exception {
        Site broken = DomainFixtures.off().withExtraLocations(
                List.of(new ExtraLocation("= /robots.txt", List.of("no_such_directive on;"))));
        assertTrue(SiteRules.check(broken, false).isEmpty(), "well-formed for offops, wrong for nginx");
        RenderedConfig config = new ProxyConfig(DomainFixtures.settings(dir, ListenMode.parse("127.0.0.1:8480")))
                .render("proxy", "127.0.0.101", List.of(broken), List.of(), c -> "127.0.0.113");
        DomainFixtures.Result result = DomainFixtures.nginxTest(dir, config);
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("unknown directive \"no_such_directive\""), result.output());
    }
}
