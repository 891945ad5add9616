package org.offops.network.domain;

import java.util.List;

/** One host's part of a plan: its new off.conf, the diff from the current one, and the PSK files it gets (paths). */
public record HostChange(String host, String path, String content, List<String> diff, List<String> pskFiles) {

    public boolean changed() {
        return !diff.isEmpty();
    }
}
