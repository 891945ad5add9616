package org.offops.events.proxy;

import org.offops.events.OffopsEvent;

/** A proposed NGINX configuration failed {@code nginx -t} and was not applied. */
public record ProxyConfigRejected(String server, String site, String nginxError) implements OffopsEvent {

    public static final String TYPE = "offops.proxy.ProxyConfigRejected";
}
