package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a site must be before it is rendered: strict names, real domain names, safe paths, and operator text that
 * cannot break out of the nginx context it is written into (one directive per line, no blocks, no includes).
 */
public final class SiteRules {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    static final Pattern HOST = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/@+-]{0,4000}");
    static final Pattern LOCATION_MATCH = Pattern.compile("(?:(?:=|~|~\\*|\\^~) )?[^\\s{};\"'\\\\]{1,200}");
    static final Pattern DIRECTIVE = Pattern.compile("[a-z_][a-z0-9_]*(?: [^{};\\\\\\p{Cntrl}]{1,500})?;");
    static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~/-]*)?");
    private static final Set<String> FORBIDDEN_DIRECTIVES = Set.of("include", "load_module", "perl", "perl_set",
            "js_import", "ssl_certificate_key", "auth_basic_user_file");

    private SiteRules() {
    }

    /** Every violation of {@code site}; {@code requireTls} in production, where every site listens on 443. */
    public static List<Violation> check(Site site, boolean requireTls) {
        List<Violation> out = new ArrayList<>();
        name(out, "id", site.id(), NAME);
        name(out, "host", site.host(), HOST);
        if (site.domains().isEmpty()) {
            out.add(new Violation("domains", "at least one domain is required"));
        }
        Set<String> seen = new HashSet<>();
        for (String domain : site.domains()) {
            name(out, "domains", domain, DOMAIN);
            if (!seen.add(domain)) {
                out.add(new Violation("domains", "domain " + domain + " is listed twice"));
            }
        }
        if (site.kind() == SiteKind.PROXY) {
            name(out, "flavor", site.flavor(), NAME);
            name(out, "container", site.container(), HOST);
            if (site.images() != null) {
                out.add(new Violation("images", "only an images site has an image store"));
            }
        } else if (site.images() == null) {
            out.add(new Violation("images", "an images site needs an image store (root, optional fallback)"));
        } else {
            images(out, site.images());
        }
        if (site.port() < 1 || site.port() > 65535) {
            out.add(new Violation("port", "must be 1..65535"));
        }
        tls(out, site.tls(), requireTls);
        if (site.cache().staticSeconds() < 0 || site.cache().staticSeconds() > 86400
                || site.cache().apiSeconds() < 0 || site.cache().apiSeconds() > 86400) {
            out.add(new Violation("cache", "cache durations must be 0..86400 seconds"));
        }
        RateLimit limit = site.rateLimit();
        if (limit != null && (limit.perMinute() < 1 || limit.perMinute() > 1_000_000 || limit.burst() < 0
                || limit.burst() > 1_000_000)) {
            out.add(new Violation("rateLimit", "perMinute must be 1..1000000 and burst 0..1000000"));
        }
        for (String agent : site.blockedUserAgents()) {
            if (agent == null || agent.isEmpty() || agent.length() > 200
                    || agent.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '$')) {
                out.add(new Violation("blockedUserAgents", "a blocked user agent is 1..200 characters without"
                        + " quotes, backslashes, '$' or control characters"));
            }
        }
        site.extraLocations().forEach(location -> extraLocation(out, location));
        return out;
    }

    private static void images(List<Violation> out, ImageStore store) {
        path(out, "images.root", store.root());
        if (store.fallbackUrl() != null) {
            name(out, "images.fallbackUrl", store.fallbackUrl(), URL);
            name(out, "images.fallbackHost", store.fallbackHost(), DOMAIN);
        }
    }

    private static void tls(List<Violation> out, Tls tls, boolean required) {
        if (tls == null) {
            if (required) {
                out.add(new Violation("tls", "sites listen on 443 here: certificate and key paths are required"));
            }
            return;
        }
        path(out, "tls.certificate", tls.certificate());
        path(out, "tls.key", tls.key());
        if (tls.trustedCertificate() != null) {
            path(out, "tls.trustedCertificate", tls.trustedCertificate());
        }
    }

    private static void extraLocation(List<Violation> out, ExtraLocation location) {
        name(out, "extraLocations.match", location.match(), LOCATION_MATCH);
        if (location.directives().isEmpty()) {
            out.add(new Violation("extraLocations.directives", "a location needs at least one directive"));
        }
        for (String directive : location.directives()) {
            if (directive == null || !DIRECTIVE.matcher(directive).matches()) {
                out.add(new Violation("extraLocations.directives", "each directive is one line 'name args;' without"
                        + " braces, backslashes or a second ';'"));
            } else if (FORBIDDEN_DIRECTIVES.contains(directive.split("[ ;]", 2)[0])) {
                out.add(new Violation("extraLocations.directives", "directive " + directive.split("[ ;]", 2)[0]
                        + " is not allowed in a site"));
            }
        }
    }

    private static void path(List<Violation> out, String field, String value) {
        if (value == null || !PATH.matcher(value).matches() || value.contains("/../") || value.endsWith("/..")
                || value.contains("//")) {
            out.add(new Violation(field, "must be an absolute, normalized path of [A-Za-z0-9._/@+-]"));
        }
    }

    private static void name(List<Violation> out, String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            out.add(new Violation(field, value == null ? "is required" : "'" + value + "' must match " + pattern));
        }
    }
}
