package org.offops.events.proxy;

import org.offops.events.OffopsEvent;

/** fail2ban banned {@code ip} in {@code jail}. */
public record BanAdded(String jail, String ip) implements OffopsEvent {

    public static final String TYPE = "offops.proxy.BanAdded";
}
