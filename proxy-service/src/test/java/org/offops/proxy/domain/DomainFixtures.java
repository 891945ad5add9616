package org.offops.proxy.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Sites, rules and settings the domain tests share, plus runners for the real nginx, openssl and fail2ban tools. */
final class DomainFixtures {

    static final List<String> OFF_DOMAINS = List.of("openfoodfacts.org");

    private DomainFixtures() {
    }

    static Site off() {
        return Site.proxy("off", "proxy", "off", "off", OFF_DOMAINS);
    }

    static Site offWithAgentBlocks() {
        Site off = off();
        return new Site(off.id(), off.kind(), off.host(), off.flavor(), off.container(), off.port(), off.domains(),
                true, off.tls(), off.cache(), off.rateLimit(), List.of("-", "python-requests/2.32.2"), List.of(),
                null, false, null);
    }

    static Site images() {
        return new Site("images", SiteKind.IMAGES, "off2", null, null, 80,
                List.of("images.openfoodfacts.org", "static.openfoodfacts.org"), false,
                Tls.letsEncrypt("images.openfoodfacts.org"), null, null, null, null,
                new ImageStore("/zfs-hdd/off", "https://proxy2.openfoodfacts.org", "cache.openfoodfacts.org"), true, null);
    }

    static BotRule scrapers() {
        return new BotRule("scrapers", List.of("python-requests", "Bytespider"), List.of("/wp-login\\.php", "/\\.env"),
                600, 3, 3600);
    }

    static RenderSettings settings(Path dir, ListenMode listen) {
        return new RenderSettings(listen, dir.resolve("cache").toString(), dir.resolve("html").toString(), "dummy",
                dir.resolve("logs").toString());
    }

    static String resource(String name) {
        try (var in = DomainFixtures.class.getResourceAsStream("/fixtures/proxy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production file under ../shared/fixtures/off-infra, or an abort when this checkout has no fixtures. */
    static String production(String relative) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("../shared/fixtures/off-infra").resolve(relative).normalize();
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
        }
        Assumptions.abort("../shared/fixtures/off-infra/" + relative + " is absent: the production conformance"
                + " check needs the shared fixtures next to the checkout");
        return null;
    }

    /** Runs a local tool; returns exit code and combined output. */
    static Result run(Path cwd, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }

    /** A self-signed certificate + key valid for {@code days}, written to {@code dir}/cert.pem and key.pem. */
    static Tls selfSigned(Path dir, String domain, int days) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Result result = run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", String.valueOf(days), "-subj",
                "/CN=" + domain);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("openssl failed: " + result.output());
        }
        return new Tls(dir.resolve("cert.pem").toString(), dir.resolve("key.pem").toString(), null);
    }

    /** {@code nginx -t} on a private prefix that includes the rendered files the way Debian's nginx.conf does. */
    static Result nginxTest(Path dir, RenderedConfig config) throws IOException, InterruptedException {
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(prefix.resolve("tmp"));
        for (var file : config.files().entrySet()) {
            if (file.getKey().startsWith(ProxyConfig.NGINX_DIR)) {
                Path target = prefix.resolve(file.getKey().substring(ProxyConfig.NGINX_DIR.length()));
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        }
        String tmp = prefix.resolve("tmp").toString();
        Files.writeString(prefix.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    access_log %1$s/access.log;
                    include %1$s/conf.d/*.conf;
                    include %1$s/sites-enabled/*;
                }
                """.formatted(prefix, tmp));
        return run(prefix, "nginx", "-t", "-p", prefix + "/", "-c", prefix + "/nginx.conf", "-e",
                prefix + "/error.log");
    }
}
