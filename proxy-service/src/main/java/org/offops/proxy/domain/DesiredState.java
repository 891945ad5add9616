package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The sites and bot rules that should be live once a change is applied, sorted so rendering stays deterministic. */
public record DesiredState(List<Site> sites, List<BotRule> rules) {

    public DesiredState {
        sites = sites.stream().sorted(Comparator.comparing(Site::id)).toList();
        rules = rules.stream().sorted(Comparator.comparing(BotRule::name)).toList();
    }

    public DesiredState with(ConfigChange change) {
        List<Site> newSites = new ArrayList<>(sites);
        List<BotRule> newRules = new ArrayList<>(rules);
        if (change instanceof ConfigChange.PutSite put) {
            newSites.removeIf(s -> s.id().equals(put.site().id()));
            newSites.add(put.site());
        } else if (change instanceof ConfigChange.DeleteSite delete) {
            newSites.removeIf(s -> s.id().equals(delete.id()));
        } else if (change instanceof ConfigChange.PutRule put) {
            newRules.removeIf(r -> r.name().equals(put.rule().name()));
            newRules.add(put.rule());
        } else if (change instanceof ConfigChange.DeleteRule delete) {
            newRules.removeIf(r -> r.name().equals(delete.name()));
        }
        return new DesiredState(newSites, newRules);
    }

    public List<Site> sitesOn(String host) {
        return sites.stream().filter(s -> s.host().equals(host)).toList();
    }

    /** Hosts serving at least one proxy site: they carry the fail2ban jails. */
    public List<String> proxyHosts() {
        return sites.stream().filter(s -> s.kind() == SiteKind.PROXY).map(Site::host).distinct().sorted().toList();
    }
}
