package org.offops.proxy.domain;

import java.util.List;

/**
 * Renders a proxy site the way production's hand-written files are laid out: {@code server_name dom *.dom}, port 80
 * redirecting to HTTPS, 443 with the wildcard certificate and HSTS, a short cache for small static assets, a
 * seconds-long {@code /api/} cache keyed on host + URI + user cookie, {@code limit_req}, a 502 page and user-agent
 * blocks. Same input, same bytes.
 */
public final class NginxSiteRenderer {

    /** The small, frequently requested assets production caches for minutes. */
    static final String STATIC_ASSETS = "~ ^/(css/|js/|fonts/|images/(attributes|favicon|icons|illustrations|lang"
            + "|logos|misc|panels|svg)/|.well-known/|api/v./(preferences|attribute_groups)|data/i18n)";
    static final String CACHE_ZONE = "mycache";

    private final RenderSettings settings;

    public NginxSiteRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    /** The site file, forwarding to {@code upstreamAddress}:{@code site.port()}, served by a host at {@code hostAddress}. */
    public String render(Site site, String upstreamAddress, String hostAddress) {
        ConfText conf = new ConfText();
        conf.line("# site " + site.id() + " (flavor " + site.flavor() + ", container " + site.container()
                + "): rendered by offops proxy-service; edits on the host are reported as drift");
        conf.blank();
        if (site.rateLimit() != null) {
            conf.line("limit_req_zone $binary_remote_addr zone=" + zone(site) + ":10m rate="
                    + site.rateLimit().perMinute() + "r/m;");
            conf.blank();
        }
        ServerBlocks.redirectToHttps(conf, settings.listen(), serverNames(site));
        ServerBlocks.open(conf, settings.listen(), hostAddress, serverNames(site), site.tls());
        if (site.tuning().denyFrames()) {
            conf.line("add_header X-Frame-Options DENY;");
        }
        conf.line("client_max_body_size 20M;");
        conf.line(site.accessLog() ? "access_log " + settings.logDir() + "/" + site.primaryDomain() + ".log main;" : "access_log off;");
        conf.line("error_log " + settings.logDir() + "/" + site.primaryDomain() + ".errors.log;");
        String upstream = "http://" + upstreamAddress + ":" + site.port();
        if (site.cache().staticSeconds() > 0) {
            conf.blank().open("location " + STATIC_ASSETS);
            cache(conf, site, "$host$request_uri", site.cache().staticSeconds());
            proxy(conf, site, upstream);
            conf.close();
        }
        if (site.cache().apiSeconds() > 0) {
            conf.blank().open("location /api/");
            blockUserAgents(conf, site.blockedUserAgents());
            cache(conf, site, "$host$request_uri$cookie_user", site.cache().apiSeconds());
            proxy(conf, site, upstream);
            conf.close();
        }
        for (ExtraLocation extra : site.extraLocations()) {
            conf.blank().open("location " + extra.match());
            extra.directives().forEach(conf::line);
            conf.close();
        }
        conf.blank().open("location /");
        blockUserAgents(conf, site.blockedUserAgents());
        securityHeaders(conf, site);
        proxy(conf, site, upstream + "/");
        rateLimit(conf, site);
        conf.close();
        errorPages(conf, !site.blockedUserAgents().isEmpty());
        conf.close();
        return conf.toString();
    }

    static String zone(Site site) {
        return site.id();
    }

    static List<String> serverNames(Site site) {
        if (!site.wildcardSubdomains()) {
            return site.domains();
        }
        return site.domains().stream().flatMap(d -> java.util.stream.Stream.of(d, "*." + d)).toList();
    }

    private void cache(ConfText conf, Site site, String key, int seconds) {
        conf.line("proxy_cache " + CACHE_ZONE + ";");
        conf.line("proxy_cache_key " + key + ";");
        conf.line("proxy_cache_valid any " + (seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s") + ";");
        securityHeaders(conf, site);
    }

    /** add_header in a location hides the server's: HSTS is repeated wherever X-Cache-Status is added. */
    private void securityHeaders(ConfText conf, Site site) {
        conf.line("add_header X-Cache-Status $upstream_cache_status;");
        if (settings.listen().tls()) {
            ServerBlocks.hsts(conf);
        }
        if (site.tuning().denyFrames()) {
            conf.line("add_header X-Frame-Options DENY always;");
        }
    }

    private void proxy(ConfText conf, Site site, String target) {
        conf.line("proxy_pass " + target + ";");
        if (!site.tuning().bufferResponses()) {
            conf.line("proxy_buffering off;");
        }
        conf.line("proxy_set_header X-Real-IP $remote_addr;");
        conf.line("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
        conf.line("proxy_set_header X-Forwarded-Proto " + (settings.listen().tls() ? "https" : "$scheme") + ";");
        conf.line("proxy_set_header Host $host;");
        conf.line("client_max_body_size 512M;");
        conf.line("proxy_intercept_errors on;");
        conf.line("error_page 502 /502.html;");
    }

    private static void rateLimit(ConfText conf, Site site) {
        RateLimit limit = site.rateLimit();
        if (limit == null) {
            return;
        }
        conf.line("limit_req zone=" + zone(site) + " burst=" + limit.burst() + " nodelay;");
        conf.line("limit_req_status 444;");
        if (limit.dryRun()) {
            conf.line("limit_req_dry_run on;");
        }
    }

    private static void blockUserAgents(ConfText conf, List<String> agents) {
        for (String agent : agents) {
            conf.open("if ($http_user_agent = \"" + agent + "\")");
            conf.line("rewrite ^ /stop-crawling.txt last;");
            conf.close();
        }
    }

    private void errorPages(ConfText conf, boolean stopCrawling) {
        conf.blank().open("location ~* 502\\.(html|jpg)");
        conf.line("root " + settings.errorPagesRoot() + "/;");
        conf.close();
        if (stopCrawling) {
            conf.open("location ~* stop-crawling.txt");
            conf.line("root " + settings.errorPagesRoot() + "/;");
            conf.close();
        }
    }
}
