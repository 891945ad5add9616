package org.offops.network.domain;

import java.util.List;

/** The rendered /etc/stunnel/off.conf of one host and the PSK files its sections read (paths only, no secrets). */
public record HostConfig(String host, String offConf, List<String> pskPaths) {

    public static final String PATH = "/etc/stunnel/off.conf";
    public static final String UNIT = "stunnel@off";
}
