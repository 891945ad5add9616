package org.offops.events.proxy;

import org.offops.events.OffopsEvent;

/** fail2ban lifted the ban of {@code ip} in {@code jail}. */
public record BanRemoved(String jail, String ip) implements OffopsEvent {

    public static final String TYPE = "offops.proxy.BanRemoved";
}
