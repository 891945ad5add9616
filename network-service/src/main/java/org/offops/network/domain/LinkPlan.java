package org.offops.network.domain;

import java.util.List;

/** What applying a link change will do, shown by {@code ?dryRun=true}; it never holds a key. */
public record LinkPlan(String action, Link link, List<HostChange> hosts, List<String> steps) {
}
