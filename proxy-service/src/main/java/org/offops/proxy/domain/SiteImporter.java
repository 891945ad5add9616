package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a hand-written production proxy site file (one per domain, as on proxy-off) into a {@link Site}, so the
 * existing fleet can be taken over and the renderer checked against what production really runs.
 */
public final class SiteImporter {

    private static final Pattern UPSTREAM = Pattern.compile("http://([0-9.]+):([0-9]+)/?");
    private static final Pattern RATE = Pattern.compile("\\S+ zone=(\\S+):\\S+ rate=([0-9]+)r/m");
    private static final Pattern LIMIT = Pattern.compile("zone=\\S+ burst=([0-9]+).*");
    private static final Pattern VALID = Pattern.compile("any ([0-9]+)([sm])");
    private static final Pattern AGENT = Pattern.compile("if \\(\\$http_user_agent = \"([^\"]*)\"\\) ?\\{");

    private SiteImporter() {
    }

    /**
     * @param containerAt the container name behind an internal address (e.g. 10.1.0.113 → off)
     */
    public static Site read(String id, String flavor, String host, String text, Function<String, String> containerAt) {
        List<String> directives = NginxDirectives.of(text);
        List<String> names = NginxDirectives.values(text, "server_name");
        List<String> serverNames = names.isEmpty() ? List.of() : List.of(names.get(0).split(" "));
        Set<String> domains = new LinkedHashSet<>();
        boolean wildcard = false;
        for (String name : serverNames) {
            wildcard |= name.startsWith("*.");
            domains.add(name.startsWith("*.") ? name.substring(2) : name);
        }
        String address = null;
        int port = 80;
        for (String pass : NginxDirectives.values(text, "proxy_pass")) {
            Matcher m = UPSTREAM.matcher(pass);
            if (m.matches()) {
                address = m.group(1);
                port = Integer.parseInt(m.group(2));
                break;
            }
        }
        Tls tls = null;
        List<String> certificates = NginxDirectives.values(text, "ssl_certificate");
        if (!certificates.isEmpty()) {
            List<String> trusted = NginxDirectives.values(text, "ssl_trusted_certificate");
            tls = new Tls(certificates.get(0), NginxDirectives.values(text, "ssl_certificate_key").get(0),
                    trusted.isEmpty() ? null : trusted.get(0));
        }
        int staticSeconds = 0;
        int apiSeconds = 0;
        List<String> keys = NginxDirectives.values(text, "proxy_cache_key");
        List<String> valids = NginxDirectives.values(text, "proxy_cache_valid");
        for (int i = 0; i < Math.min(keys.size(), valids.size()); i++) {
            Matcher m = VALID.matcher(valids.get(i));
            if (m.matches()) {
                int seconds = Integer.parseInt(m.group(1)) * (m.group(2).equals("m") ? 60 : 1);
                if (keys.get(i).contains("$cookie_user")) {
                    apiSeconds = seconds;
                } else {
                    staticSeconds = seconds;
                }
            }
        }
        RateLimit rateLimit = rateLimit(text);
        List<String> agents = new ArrayList<>();
        for (String directive : directives) {
            Matcher m = AGENT.matcher(directive);
            if (m.matches() && !agents.contains(m.group(1))) {
                agents.add(m.group(1));
            }
        }
        boolean accessLog = NginxDirectives.values(text, "access_log").stream().anyMatch(v -> !v.equals("off"));
        return new Site(id, SiteKind.PROXY, host, flavor, address == null ? null : containerAt.apply(address), port,
                List.copyOf(domains), wildcard, tls, new CacheSettings(staticSeconds, apiSeconds), rateLimit, agents,
                List.of(), null, accessLog, new ProxyTuning(
                        directives.contains("add_header X-Frame-Options DENY;"),
                        !directives.contains("proxy_buffering off;")));
    }

    private static RateLimit rateLimit(String text) {
        List<String> zones = NginxDirectives.values(text, "limit_req_zone");
        List<String> limits = NginxDirectives.values(text, "limit_req");
        if (zones.isEmpty() || limits.isEmpty()) {
            return null;
        }
        Matcher zone = RATE.matcher(zones.get(0));
        Matcher limit = LIMIT.matcher(limits.get(0));
        if (!zone.matches() || !limit.matches()) {
            return null;
        }
        boolean dryRun = NginxDirectives.values(text, "limit_req_dry_run").contains("on");
        return new RateLimit(Integer.parseInt(zone.group(2)), Integer.parseInt(limit.group(1)), dryRun);
    }
}
