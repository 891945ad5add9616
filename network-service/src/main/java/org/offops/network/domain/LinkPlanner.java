package org.offops.network.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans a change of the link set: which hosts get which off.conf and PSK files, and the order of the steps. */
public final class LinkPlanner {

    private final ConfigRenderer renderer;

    public LinkPlanner(ConfigRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @param action   create | update | delete | reapply
     * @param affected the hosts whose off.conf may change (both ends of the old and the new link)
     * @param after    every link once the change is made
     * @param current  off.conf now on each host ("" when absent or unknown)
     */
    public LinkPlan plan(String action, Link link, Set<String> affected, List<Link> after,
                         Map<String, String> addresses, Map<String, String> current) {
        List<HostChange> hosts = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (String host : LinkHosts.ordered(link, affected)) {
            HostConfig config = renderer.render(host, after, addresses);
            boolean empty = config.pskPaths().isEmpty();
            String content = empty ? "" : config.offConf();
            hosts.add(new HostChange(host, HostConfig.PATH, content,
                    LineDiff.between(current.getOrDefault(host, ""), content), config.pskPaths()));
            if (config.pskPaths().contains(link.pskPath())) {
                steps.add(host + ": write " + link.pskPath() + " (mode 0600)");
            }
            if (empty) {
                // stunnel refuses a config without sections
                steps.add(host + ": no links left: stop " + HostConfig.UNIT + ", remove " + HostConfig.PATH);
            } else {
                steps.add(host + ": check " + HostConfig.PATH + " with a throwaway stunnel, then install it");
                steps.add(host + ": systemctl reload " + HostConfig.UNIT + " (start it when inactive)");
            }
            if (!config.pskPaths().contains(link.pskPath())) {
                steps.add(host + ": remove " + link.pskPath());
            }
            if (!empty) {
                steps.add(host + ": record " + HostConfig.PATH + " in the infrastructure git repository");
            }
        }
        return new LinkPlan(action, link, hosts, steps);
    }
}
