package org.offops.proxy.domain;

/**
 * Renders the images site a host's own nginx serves, like production's static-off: files from the image dataset,
 * CORS and licence headers, and for files not there yet the fallback upstream through a day-long cache.
 */
public final class ImagesSiteRenderer {

    private final RenderSettings settings;

    public ImagesSiteRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public String render(Site site, String hostAddress) {
        ImageStore store = site.images();
        ConfText conf = new ConfText();
        conf.line("# images site " + site.id() + ": rendered by offops proxy-service; edits on the host are reported as drift");
        conf.blank();
        boolean fallback = store.fallbackUrl() != null;
        if (fallback) {
            conf.line("proxy_cache_path " + settings.cacheRoot() + "/" + site.id() + " keys_zone=" + zone(site)
                    + ":10m levels=1:2 inactive=24h max_size=4G;");
            conf.blank();
        }
        ServerBlocks.redirectToHttps(conf, settings.listen(), NginxSiteRenderer.serverNames(site));
        ServerBlocks.open(conf, settings.listen(), hostAddress, NginxSiteRenderer.serverNames(site), site.tls());
        conf.line(site.accessLog() ? "access_log " + settings.logDir() + "/" + site.primaryDomain() + ".log main;" : "access_log off;");
        conf.line("error_log " + settings.logDir() + "/" + site.id() + ".errors.log;");
        conf.line("root " + store.root() + "/;");
        conf.blank().open("location /");
        conf.line("try_files $uri " + (fallback ? "@fallback" : "=404") + ";");
        conf.line("sendfile on;");
        conf.line("sendfile_max_chunk 1m;");
        conf.line("tcp_nopush on;");
        conf.line("add_header Link \"<http://creativecommons.org/licenses/by-sa/3.0/>; rel='license'; title='CC-BY-SA 3.0'\";");
        conf.line("add_header Access-Control-Allow-Origin *;");
        conf.line("add_header Access-Control-Allow-Methods 'GET, POST, OPTIONS';");
        conf.line("add_header Access-Control-Expose-Headers 'Content-Length,Content-Range';");
        conf.close();
        if (fallback) {
            conf.blank().open("location @fallback");
            conf.line("proxy_pass " + store.fallbackUrl() + ";");
            conf.line("proxy_http_version 1.1;");
            conf.line("proxy_set_header Connection \"\";");
            conf.line("proxy_set_header Host " + store.fallbackHost() + ";");
            conf.line("proxy_cache " + zone(site) + ";");
            conf.line("proxy_cache_valid 200 1d;");
            conf.line("proxy_cache_key $request_uri;");
            conf.line("add_header X-Cache-Status $upstream_cache_status;");
            conf.close();
        }
        conf.close();
        return conf.toString();
    }

    static String zone(Site site) {
        return "images_" + site.id().replace('-', '_');
    }
}
