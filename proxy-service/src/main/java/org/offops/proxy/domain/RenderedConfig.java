package org.offops.proxy.domain;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every file offops owns on one host, by absolute path (sorted: deterministic), with which site each site file
 * belongs to, and the container and upstream address each proxy site was rendered with.
 */
public record RenderedConfig(String host, SortedMap<String, String> files, Map<String, String> siteFiles,
                             Map<String, String> upstreams, Map<String, String> containers) {

    public RenderedConfig {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        siteFiles = Map.copyOf(siteFiles);
        upstreams = Map.copyOf(upstreams);
        containers = Map.copyOf(containers);
    }
}
