package org.offops.proxy.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Renders everything offops owns on one host from its sites, the bot rules and the containers' addresses. */
public final class ProxyConfig {

    public static final String NGINX_DIR = "/etc/nginx/";
    public static final String FAIL2BAN_DIR = "/etc/fail2ban/";
    public static final String COMMON_CONF = "/etc/nginx/conf.d/offops-common.conf";
    public static final String JAILS = "/etc/fail2ban/jail.d/offops-nginx.local";

    private final RenderSettings settings;

    public ProxyConfig(RenderSettings settings) {
        this.settings = settings;
    }

    public static String siteFile(Site site) {
        return "/etc/nginx/sites-enabled/" + site.id();
    }

    public static String filterFile(BotRule rule) {
        return "/etc/fail2ban/filter.d/" + rule.jail() + ".conf";
    }

    /**
     * @param sites      the sites {@code host} serves
     * @param upstreamOf a container's address as the proxy must reach it
     */
    public RenderedConfig render(String host, String hostAddress, List<Site> sites, List<BotRule> rules,
                                 Function<String, String> upstreamOf) {
        java.util.SortedMap<String, String> files = new TreeMap<>();
        Map<String, String> siteFiles = new HashMap<>();
        Map<String, String> upstreams = new HashMap<>();
        Map<String, String> containers = new HashMap<>();
        if (sites.isEmpty()) {
            return new RenderedConfig(host, files, siteFiles, upstreams, containers);
        }
        files.put(COMMON_CONF, new CommonConfRenderer(settings).render());
        NginxSiteRenderer proxies = new NginxSiteRenderer(settings);
        ImagesSiteRenderer images = new ImagesSiteRenderer(settings);
        boolean proxying = false;
        for (Site site : sites) {
            String content;
            if (site.kind() == SiteKind.IMAGES) {
                content = images.render(site, hostAddress);
            } else {
                String upstream = upstreamOf.apply(site.container());
                upstreams.put(site.id(), upstream);
                containers.put(site.id(), site.container());
                content = proxies.render(site, upstream, hostAddress);
                proxying = true;
            }
            files.put(siteFile(site), content);
            siteFiles.put(site.id(), siteFile(site));
        }
        if (proxying) {
            Fail2banRenderer fail2ban = new Fail2banRenderer(settings);
            files.put(JAILS, fail2ban.jails(rules));
            rules.forEach(rule -> files.put(filterFile(rule), fail2ban.filter(rule)));
        }
        return new RenderedConfig(host, files, siteFiles, upstreams, containers);
    }
}
