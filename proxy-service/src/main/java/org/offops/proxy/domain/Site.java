package org.offops.proxy.domain;

import java.util.List;

/**
 * A site: its domains (each with its subdomains when {@code wildcardSubdomains}), the {@code host} whose nginx serves
 * it, and for a proxy site the flavor's {@code container} and {@code port} it forwards to, with caching, rate limit,
 * blocked user agents and extra locations; an images site has an {@link ImageStore} instead.
 */
public record Site(
        String id,
        SiteKind kind,
        String host,
        String flavor,
        String container,
        int port,
        List<String> domains,
        boolean wildcardSubdomains,
        Tls tls,
        CacheSettings cache,
        RateLimit rateLimit,
        List<String> blockedUserAgents,
        List<ExtraLocation> extraLocations,
        ImageStore images,
        boolean accessLog,
        ProxyTuning tuning) {

    public Site {
        kind = kind == null ? SiteKind.PROXY : kind;
        port = port == 0 ? 80 : port;
        domains = domains == null ? List.of() : List.copyOf(domains);
        cache = cache == null ? CacheSettings.off() : cache;
        blockedUserAgents = blockedUserAgents == null ? List.of() : List.copyOf(blockedUserAgents);
        extraLocations = extraLocations == null ? List.of() : List.copyOf(extraLocations);
        tuning = tuning == null ? ProxyTuning.defaults() : tuning;
    }

    /** The production proxy site of a flavor: wildcard domains, Let's Encrypt certificate, caches, rate limit. */
    public static Site proxy(String id, String host, String flavor, String container, List<String> domains) {
        return new Site(id, SiteKind.PROXY, host, flavor, container, 80, domains, true,
                Tls.letsEncrypt(domains.get(0)), CacheSettings.production(), RateLimit.production(), List.of(),
                List.of(), null, false, null);
    }

    public String primaryDomain() {
        return domains.get(0);
    }

    public Site withContainer(String newContainer) {
        return new Site(id, kind, host, flavor, newContainer, port, domains, wildcardSubdomains, tls, cache,
                rateLimit, blockedUserAgents, extraLocations, images, accessLog, tuning);
    }

    public Site withExtraLocations(List<ExtraLocation> locations) {
        return new Site(id, kind, host, flavor, container, port, domains, wildcardSubdomains, tls, cache, rateLimit,
                blockedUserAgents, locations, images, accessLog, tuning);
    }
}
