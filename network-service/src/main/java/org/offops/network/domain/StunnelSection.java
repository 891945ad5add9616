package org.offops.network.domain;

import java.util.Map;

/** One [section] of an stunnel config as written, with the host (config directory) it came from. */
public record StunnelSection(String host, String name, Map<String, String> options) {

    public boolean client() {
        return "yes".equalsIgnoreCase(options.getOrDefault("client", "no"));
    }

    public String option(String key) {
        return options.get(key);
    }
}
