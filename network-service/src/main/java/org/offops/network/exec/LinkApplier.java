package org.offops.network.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.offops.network.domain.HostConfig;
import org.offops.network.domain.Link;
import org.offops.network.domain.LinkHosts;
import org.offops.network.domain.LinkPlan;
import org.offops.network.domain.LinkPlanner;
import org.offops.network.store.LinkQueries;
import org.offops.network.store.LinkStore;
import org.offops.platform.hosts.InfrastructureRepository;

/**
 * Brings hosts' stunnel in line with the stored links as one change (server side first, all hosts or none: see
 * {@link HostRollout}); then records the configs in git and publishes StunnelLinkConfigured.
 */
@ApplicationScoped
public class LinkApplier {

    private final LinkQueries queries;
    private final LinkStore store;
    private final FleetHosts fleet;
    private final StunnelHost stunnel;
    private final LinkPlanner planner;
    private final HostRollout rollout;
    private final InfrastructureRepository infra;

    public LinkApplier(LinkQueries queries, LinkStore store, FleetHosts fleet, StunnelHost stunnel,
                       LinkPlanner planner, HostRollout rollout, InfrastructureRepository infra) {
        this.queries = queries;
        this.store = store;
        this.fleet = fleet;
        this.stunnel = stunnel;
        this.planner = planner;
        this.rollout = rollout;
        this.infra = infra;
    }

    /** The plan for changing {@code before} (null: new) into {@code after} (null: removed); nothing is changed. */
    public LinkPlan plan(String action, Link before, Link after) {
        Link subject = after != null ? after : before;
        Set<String> hosts = LinkHosts.of(before, after);
        List<Link> links = new ArrayList<>(queries.all().stream().filter(l -> !l.name().equals(subject.name())).toList());
        if (after != null) {
            links.add(after);
        }
        Map<String, String> current = new TreeMap<>();
        hosts.forEach(host -> current.put(host, stunnel.currentConf(fleet.remote(host))));
        return planner.plan(action, subject, hosts, links, fleet.addresses(LinkHosts.referenced(links, hosts)), current);
    }

    /** Applies the stored state to the hosts of {@code link} (and of its previous version); failure: status failed. */
    public void apply(Link link, Link before, String actor) {
        String change = UUID.randomUUID().toString();
        Map<String, String> confs = rollOut(link, LinkHosts.of(before, link), queries.all());
        LinkHosts.left(before, link).forEach(host -> stunnel.removePsk(fleet.remote(host), link.pskPath()));
        store.configured(link, record(link, confs, change, "link " + link.name()), actor, change);
    }

    /** Takes a link off its hosts, then forgets it; when a host fails, the link stays (status failed) as it was. */
    public void remove(Link link) {
        String change = UUID.randomUUID().toString();
        List<Link> rest = queries.all().stream().filter(l -> !l.name().equals(link.name())).toList();
        Map<String, String> confs = rollOut(link, Set.copyOf(link.stunnelHosts()), rest);
        link.stunnelHosts().forEach(host -> stunnel.removePsk(fleet.remote(host), link.pskPath()));
        record(link, confs, change, "remove link " + link.name());
        store.delete(link.name());
    }

    private Map<String, String> rollOut(Link link, Set<String> hosts, List<Link> links) {
        try {
            return rollout.apply(LinkHosts.ordered(link, hosts), links,
                    fleet.addresses(LinkHosts.referenced(links, hosts)));
        } catch (RuntimeException e) {
            store.failed(link.name(), HostRollout.detail(e));
            throw e;
        }
    }

    /** Git only once every host took its config; returns the last commit (null: nothing recorded). */
    private String record(Link link, Map<String, String> confs, String change, String why) {
        String commit = null;
        try {
            for (Map.Entry<String, String> conf : confs.entrySet()) {
                if (!conf.getValue().isEmpty()) {
                    commit = infra.record(conf.getKey(), Map.of(HostConfig.PATH, conf.getValue()), change,
                            "network-service: " + why + " on " + conf.getKey()).orElse(null);
                }
            }
            return commit;
        } catch (RuntimeException e) {
            store.failed(link.name(), "applied on the hosts, but recording in git failed: " + e.getMessage());
            throw e;
        }
    }
}
