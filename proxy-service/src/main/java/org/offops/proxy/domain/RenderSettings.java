package org.offops.proxy.domain;

/**
 * Deployment facts the renderers need besides the sites: how to listen, where caches live ({@code /dev/shm} in
 * production), where the 502 and stop-crawling pages are, and which fail2ban action bans (nftables in production,
 * {@code dummy} where the firewall must not be touched) and where nginx logs (fail2ban reads them there).
 */
public record RenderSettings(ListenMode listen, String cacheRoot, String errorPagesRoot, String banAction,
                             String logDir) {

    public static RenderSettings production() {
        return new RenderSettings(ListenMode.production(), "/dev/shm", "/opt/openfoodfacts-infrastructure/html",
                "nftables[type=multiport]", "/var/log/nginx");
    }

    public RenderSettings withListen(ListenMode mode) {
        return new RenderSettings(mode, cacheRoot, errorPagesRoot, banAction, logDir);
    }
}
