package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.platform.fleet.KnownServer;
import org.offops.storage.domain.render.FleetConfigs;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Reads the storage model as the config renderer needs it: the whole model (datasets, policies, routes, addresses),
 * a server's render against what git holds, and which servers a change to some datasets reaches.
 */
@ApplicationScoped
public class StorageModel {

    private final EntityManager em;
    private final String pullUser;

    public StorageModel(EntityManager em,
                        @ConfigProperty(name = "offops.storage.pull-user", defaultValue = "root") String pullUser) {
        this.em = em;
        this.pullUser = pullUser;
    }

    public FleetConfigs.Model read() {
        // scalar rows, not entities: a native update earlier in this transaction (a rename) is seen, never a stale copy
        Map<Long, DatasetRef> byId = new TreeMap<>();
        List<FleetConfigs.Dataset> datasets = new ArrayList<>();
        em.createQuery("select d.id, d.server, d.name, d.policy from DatasetEntity d order by d.id", Object[].class)
                .getResultList().forEach(row -> {
                    DatasetRef ref = new DatasetRef((String) row[1], (String) row[2]);
                    byId.put((Long) row[0], ref);
                    datasets.add(new FleetConfigs.Dataset(ref, (String) row[3]));
                });
        Map<String, SnapshotPolicy> policies = new TreeMap<>();
        PolicyEntity.<PolicyEntity>listAll().forEach(p -> policies.put(p.name, p.toPolicy()));
        List<Route> routes = em.createQuery("select r.sourceDataset, r.targetDataset, r.recursive from RouteEntity r"
                + " order by r.id", Object[].class).getResultList().stream()
                .map(r -> new Route(byId.get((Long) r[0]), byId.get((Long) r[1]), (Boolean) r[2])).toList();
        Map<String, String> addresses = new TreeMap<>();
        KnownServer.<KnownServer>listAll().forEach(s -> addresses.put(s.name, s.sshHost == null ? s.name : s.sshHost));
        return new FleetConfigs.Model(datasets, policies, routes, addresses, pullUser);
    }

    /** A server's files as the model renders them now, and what git holds of them; empty for an unknown server. */
    @Transactional
    public Optional<ServerConfigStatus> configStatus(String server) {
        if (KnownServer.findById(server) == null && DatasetEntity.count("server", server) == 0
                && ServerConfigRecord.count("server", server) == 0) {
            return Optional.empty();
        }
        return Optional.of(ServerConfigStatus.of(server, FleetConfigs.render(read(), server)));
    }

    /**
     * The servers whose files mention these datasets: their own (sanoid.conf) and the other end of each route into or
     * out of them (the target's syncoid-args names the source, and a replica inherits its source's retention).
     */
    public Set<String> serversReaching(Collection<Long> datasets) {
        if (datasets.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(em.createQuery("select distinct d.server from DatasetEntity d where d.id in ?1"
                + " or d.id in (select r.targetDataset from RouteEntity r where r.sourceDataset in ?1)"
                + " or d.id in (select r.sourceDataset from RouteEntity r where r.targetDataset in ?1)", String.class)
                .setParameter(1, datasets).getResultList());
    }
}
