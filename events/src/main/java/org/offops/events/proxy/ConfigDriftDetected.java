package org.offops.events.proxy;

import org.offops.events.OffopsEvent;

/** A file on {@code server} no longer matches the configuration offops last applied. */
public record ConfigDriftDetected(
        String server,
        String path,
        String expectedSha256,
        String actualSha256,
        String diff) implements OffopsEvent {

    public static final String TYPE = "offops.proxy.ConfigDriftDetected";
}
