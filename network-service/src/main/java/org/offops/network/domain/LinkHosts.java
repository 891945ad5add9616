package org.offops.network.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which hosts a link change touches, in which order, and whose addresses their rendered configs need. */
public final class LinkHosts {

    private LinkHosts() {
    }

    /** Both stunnel ends of the old and the new version of a link (either may be null). */
    public static Set<String> of(Link before, Link after) {
        Set<String> hosts = new TreeSet<>();
        if (before != null) {
            hosts.addAll(before.stunnelHosts());
        }
        if (after != null) {
            hosts.addAll(after.stunnelHosts());
        }
        return hosts;
    }

    /** Server side first: it must know a key before a client presents it; the others by name. */
    public static List<String> ordered(Link link, Set<String> hosts) {
        Set<String> order = new LinkedHashSet<>();
        if (hosts.contains(link.server())) {
            order.add(link.server());
        }
        order.addAll(new TreeSet<>(hosts));
        return List.copyOf(order);
    }

    /** Every host whose address a rendered config of {@code hosts} needs. */
    public static Set<String> referenced(List<Link> links, Set<String> hosts) {
        Set<String> names = new TreeSet<>(hosts);
        links.stream().filter(l -> hosts.contains(l.client()) || hosts.contains(l.server()))
                .forEach(l -> names.addAll(List.of(l.server(), l.target())));
        return names;
    }

    /** Hosts of the old version that are no longer an end of the new one: they must lose the link's PSK file. */
    public static List<String> left(Link before, Link after) {
        return before == null ? List.of()
                : before.stunnelHosts().stream().filter(h -> !after.stunnelHosts().contains(h)).toList();
    }
}
