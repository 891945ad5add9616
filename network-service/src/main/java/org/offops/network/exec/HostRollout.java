package org.offops.network.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.offops.network.domain.ConfigRenderer;
import org.offops.network.domain.HostConfig;
import org.offops.network.domain.Link;
import org.offops.network.domain.PskGenerator;
import org.offops.network.store.LinkKeys;
import org.offops.remote.RemoteHost;

/**
 * Rolls a new set of links out to hosts in the given order (server side first) as one change: when a later host
 * fails, every host already changed gets its previous off.conf back and loses the PSK files it gained, so a
 * server never keeps accepting for a client that was never configured. Returns each host's new off.conf.
 */
@ApplicationScoped
public class HostRollout {

    private static final Logger LOG = Logger.getLogger(HostRollout.class);

    private final FleetHosts fleet;
    private final StunnelHost stunnel;
    private final ConfigRenderer renderer;
    private final LinkKeys keys;

    public HostRollout(FleetHosts fleet, StunnelHost stunnel, ConfigRenderer renderer, LinkKeys keys) {
        this.fleet = fleet;
        this.stunnel = stunnel;
        this.renderer = renderer;
        this.keys = keys;
    }

    /** What a host had before this change: its off.conf ("" when none) and the PSK files the change adds. */
    private record Touched(RemoteHost host, String previous, List<String> gainedPsks) {
    }

    /** The rendered off.conf per host ("" for a host left without links: its stunnel is stopped). */
    public Map<String, String> apply(List<String> hosts, List<Link> links, Map<String, String> addresses) {
        Map<String, String> rendered = new LinkedHashMap<>();
        Deque<Touched> touched = new ArrayDeque<>();
        try {
            for (String name : hosts) {
                RemoteHost host = fleet.remote(name);
                String previous = stunnel.currentConf(host);
                HostConfig config = renderer.render(name, links, addresses);
                touched.push(new Touched(host, previous, config.pskPaths().stream()
                        .filter(path -> !previous.contains("PSKsecrets = " + path + "\n")).toList()));
                if (config.pskPaths().isEmpty()) {
                    // stunnel refuses a config without sections (inetd mode): no links, no stunnel
                    stunnel.stop(host);
                    rendered.put(name, "");
                    continue;
                }
                stunnel.prepare(host);
                writePsks(host, name, links);
                stunnel.check(host, config.offConf());
                stunnel.install(host, config.offConf());
                stunnel.reload(host);
                rendered.put(name, config.offConf());
            }
            return rendered;
        } catch (RuntimeException e) {
            touched.forEach(t -> restore(t, e));
            throw e;
        }
    }

    private void writePsks(RemoteHost host, String name, List<Link> links) {
        for (Link link : links) {
            if (link.server().equals(name)) {
                stunnel.writePsk(host, link.pskPath(), PskGenerator.file(keys.keys(link.name())));
            } else if (link.client().equals(name)) {
                stunnel.writePsk(host, link.pskPath(), PskGenerator.file(keys.keys(link.name()).subList(0, 1)));
            }
        }
    }

    /** Best effort: a host that cannot be reached keeps what it has, and the failure says so (suppressed). */
    private void restore(Touched t, RuntimeException failure) {
        try {
            if (t.previous().isEmpty()) {
                stunnel.stop(t.host());
            } else {
                stunnel.install(t.host(), t.previous());
                stunnel.reload(t.host());
            }
            for (String path : t.gainedPsks()) {
                stunnel.removePsk(t.host(), path);
            }
            LOG.infof("%s is back on its previous off.conf after: %s", t.host().name(), failure.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("rolling %s back failed: %s", t.host().name(), e.getMessage());
            failure.addSuppressed(new IllegalStateException(t.host().name() + ": " + e.getMessage()));
        }
    }

    /** The status detail of a failed rollout: the failure, then whether every host was rolled back. */
    public static String detail(RuntimeException failure) {
        StringBuilder detail = new StringBuilder(String.valueOf(failure.getMessage()));
        if (failure.getSuppressed().length == 0) {
            return detail.append("; every host changed so far is back on its previous off.conf").toString();
        }
        for (Throwable s : failure.getSuppressed()) {
            detail.append("; not rolled back: ").append(s.getMessage());
        }
        return detail.toString();
    }
}
