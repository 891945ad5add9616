package org.offops.events.proxy;

import java.util.List;
import org.offops.events.OffopsEvent;

/** NGINX configuration passed {@code nginx -t} and was reloaded on {@code server}. */
public record ProxyConfigApplied(
        String server,
        List<String> sites,
        List<String> files,
        String commitId) implements OffopsEvent {

    public static final String TYPE = "offops.proxy.ProxyConfigApplied";

    public ProxyConfigApplied {
        sites = sites == null ? null : List.copyOf(sites);
        files = files == null ? null : List.copyOf(files);
    }
}
