package org.offops.proxy.domain;

/**
 * The http-level settings every site file relies on: the access log format, the shared proxy cache and the
 * rate-limited-status map (production keeps them in nginx.conf and log_format.conf; one file offops owns here).
 */
public final class CommonConfRenderer {

    private final RenderSettings settings;

    public CommonConfRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    public String render() {
        ConfText conf = new ConfText();
        conf.line("# http-level settings of the offops-managed sites: rendered by offops proxy-service");
        conf.line("log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '");
        conf.line("                '$status $body_bytes_sent \"$http_referer\" '");
        conf.line("                '\"$http_user_agent\" \"$http_x_forwarded_for\" $upstream_cache_status [$upstream_response_time]';");
        conf.blank();
        // every site adds "dom" and "*.dom": the default hash (512) refuses a few hundred sites
        conf.line("server_names_hash_max_size 4096;");
        conf.line("server_names_hash_bucket_size 128;");
        conf.blank();
        conf.line("proxy_cache_path " + settings.cacheRoot() + "/nginx-cache levels=1:2 keys_zone="
                + NginxSiteRenderer.CACHE_ZONE + ":10m max_size=100m inactive=2m use_temp_path=off;");
        conf.blank();
        conf.open("map $status $rate_limited");
        conf.line("default 0;");
        conf.line("444 1;");
        conf.close();
        return conf.toString();
    }
}
