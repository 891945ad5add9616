package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered fail2ban files, checked by the real fail2ban 1.0.2 tools of this machine. */
class Fail2banRendererTest {

    private static final String SAMPLE_LOG = """
            203.0.113.5 - - [27/Nov/2026:10:00:00 +0000] "GET /api/v2/product/123 HTTP/1.1" 200 512 "-" "python-requests/2.31.0" "-" MISS [0.010]
            203.0.113.6 - - [27/Nov/2026:10:00:01 +0000] "GET /wp-login.php HTTP/1.1" 404 153 "-" "Mozilla/5.0" "-" - [0.001]
            203.0.113.7 - - [27/Nov/2026:10:00:02 +0000] "GET /.env HTTP/1.1" 404 153 "-" "curl/8.0" "-" - [0.001]
            198.51.100.1 - - [27/Nov/2026:10:00:03 +0000] "GET /product/123/nutella HTTP/2.0" 200 40960 "https://world.openfoodfacts.org/" "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0" "-" HIT [0.002]
            198.51.100.2 - alice [27/Nov/2026:10:00:04 +0000] "POST /cgi/session.pl HTTP/1.1" 200 99 "-" "Mozilla/5.0 (Macintosh)" "-" - [0.030]
            203.0.113.8 - - [27/Nov/2026:10:00:05 +0000] "GET / HTTP/1.1" 200 4096 "-" "Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)" "-" - [0.010]
            198.51.100.3 - - [27/Nov/2026:10:00:06 +0000] "GET /envelope-recipes HTTP/1.1" 200 100 "-" "Mozilla/5.0 (Android 14)" "-" - [0.010]
            """;

    @TempDir
    Path dir;

    @Test
    void botFilterMatchesBotLinesAndNoHumanLine() throws Exception {
        Path filter = Files.writeString(dir.resolve("offops-scrapers.conf"),
                new Fail2banRenderer(RenderSettings.production()).filter(DomainFixtures.scrapers()));
        Path log = Files.writeString(dir.resolve("access.log"), SAMPLE_LOG);
        DomainFixtures.Result result = DomainFixtures.run(dir, "fail2ban-regex", log.toString(), filter.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Lines: 7 lines, 0 ignored, 4 matched, 3 missed"), result.output());
    }

    @Test
    void percentSignsInPatternsReachTheRegexLiterally() {
        BotRule rule = new BotRule("encoded", List.of(), List.of("/%2e%2e/"), 60, 1, 60);
        String filter = new Fail2banRenderer(RenderSettings.production()).filter(rule);
        assertTrue(filter.contains("(?:/%%2e%%2e/)"), filter);
    }

    @Test
    void fail2banAcceptsTheRenderedJails() throws Exception {
        Path etc = dir.resolve("fail2ban");
        DomainFixtures.run(dir, "cp", "-r", "/etc/fail2ban", etc.toString());
        RenderSettings settings = new RenderSettings(ListenMode.production(), "/dev/shm", "/tmp", "dummy",
                Files.createDirectories(dir.resolve("logs")).toString());
        Files.writeString(dir.resolve("logs/access.log"), SAMPLE_LOG);
        // as on the fleet hosts: no auth.log here, so Debian's sshd jail is off
        Files.writeString(etc.resolve("jail.d/zz-no-sshd.local"), "[sshd]\nenabled = false\n");
        Fail2banRenderer renderer = new Fail2banRenderer(settings);
        Files.writeString(etc.resolve("jail.d/offops-nginx.local"), renderer.jails(List.of(DomainFixtures.scrapers()))
                .replace("/etc/fail2ban/fail2ban.conf", etc.resolve("fail2ban.conf").toString()));
        Files.writeString(etc.resolve("filter.d/offops-scrapers.conf"), renderer.filter(DomainFixtures.scrapers()));
        DomainFixtures.Result result = DomainFixtures.run(dir, "fail2ban-client", "-c", etc.toString(), "-t");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OK: configuration test is successful"), result.output());
    }
}
