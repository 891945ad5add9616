package org.offops.storage.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownServer;
import org.offops.storage.domain.render.FleetConfigs;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.route.RouteValidator;
import org.offops.storage.domain.route.Violation;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Datasets, policies and routes: validated against the fleet view, written only when not a dry run; every written
 * change is serialised and stages the servers' re-rendered configs for git in its own transaction.
 */
@ApplicationScoped
public class StorageCatalog {

    private final ServerConfigLedger configs;
    private final StorageModel model;

    public StorageCatalog(ServerConfigLedger configs, StorageModel model) {
        this.configs = configs;
        this.model = model;
    }

    public List<DatasetEntity> datasets() {
        return DatasetEntity.listAll(Sort.by("server").and("name"));
    }

    public DatasetEntity dataset(long id) {
        return DatasetEntity.<DatasetEntity>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("no dataset " + id));
    }

    @Transactional
    public DatasetEntity addDataset(DatasetEntity wanted, boolean dryRun) {
        lockUnless(dryRun);
        requireServer(wanted.server, "server");
        if (DatasetEntity.byRef(wanted.ref()).isPresent()) {
            throw ApiException.conflict("dataset " + wanted.ref() + " already exists", "name");
        }
        if (wanted.policy != null && PolicyEntity.findById(wanted.policy) == null) {
            throw ApiException.unprocessable("no policy " + wanted.policy, "policy");
        }
        if (!dryRun) {
            wanted.persist();
            configs.stage("register dataset " + wanted.ref(), List.of(wanted.server));
        }
        return wanted;
    }

    @Transactional
    public DatasetEntity setPolicy(long id, String policy, boolean dryRun) {
        lockUnless(dryRun);
        DatasetEntity d = dataset(id);
        if (PolicyEntity.findById(policy) == null) {
            throw ApiException.unprocessable("no policy " + policy, "policy");
        }
        if (!dryRun) {
            d.policy = policy;
            configs.stage("apply policy " + policy + " to dataset " + d.ref(), model.serversReaching(List.of(d.id)));
        }
        return d;
    }

    @Transactional
    public void removeDataset(long id, boolean dryRun) {
        lockUnless(dryRun);
        DatasetEntity d = dataset(id);
        if (RouteEntity.count("sourceDataset = ?1 or targetDataset = ?1", id) > 0) {
            throw ApiException.conflict("dataset " + d.ref() + " is part of a replication route; remove it first",
                    "id");
        }
        if (CloneRuleEntity.count("originDataset", id) > 0) {
            throw ApiException.conflict("dataset " + d.ref() + " is the origin of a clone rule; remove the rule first"
                    + " (DELETE /clone-rules/{id})", "id");
        }
        if (MountEntity.count("dataset", id) > 0) {
            throw ApiException.conflict("dataset " + d.ref() + " is bind-mounted into a container; remove the mount"
                    + " first (DELETE /mounts/{id})", "id");
        }
        if (!dryRun) {
            d.delete();
            configs.stage("forget dataset " + d.ref(), List.of(d.server)); // it has no route left
        }
    }

    public List<PolicyEntity> policies() {
        return PolicyEntity.listAll(Sort.by("name"));
    }

    @Transactional
    public PolicyEntity putPolicy(String name, SnapshotPolicy policy, boolean dryRun) {
        lockUnless(dryRun);
        PolicyEntity entity = PolicyEntity.<PolicyEntity>findByIdOptional(name).orElseGet(() -> {
            PolicyEntity e = new PolicyEntity();
            e.name = name;
            return e;
        });
        if (dryRun) {
            PolicyEntity preview = new PolicyEntity();
            preview.name = name;
            preview.apply(policy);
            return preview;
        }
        entity.apply(policy);
        entity.persist();
        configs.stageEveryServer("set policy " + name);
        return entity;
    }

    public RouteEntity route(long id) {
        return RouteEntity.<RouteEntity>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("no route " + id));
    }

    public List<RouteEntity> routesFrom(long sourceDataset) {
        return RouteEntity.list("sourceDataset = ?1 order by id", sourceDataset);
    }

    public List<RouteEntity> routes() {
        return RouteEntity.listAll(Sort.by("id"));
    }

    /** Validates a route against inventory and the other routes; creates the target dataset row when new. */
    @Transactional
    public RouteEntity addRoute(DatasetRef source, DatasetRef target, boolean recursive, boolean dryRun) {
        lockUnless(dryRun);
        FleetConfigs.Model now = model.read(); // one read: a lookup per existing route made registration quadratic
        Set<String> known = now.datasets().stream().map(d -> d.ref().toString()).collect(Collectors.toSet());
        List<Violation> violations = RouteValidator.check(new Route(source, target, recursive), now.routes(),
                now.addresses().keySet(), known);
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            throw ApiException.unprocessable(v.message(), v.field());
        }
        DatasetEntity from = DatasetEntity.byRef(source).orElseThrow();
        DatasetEntity to = DatasetEntity.byRef(target).orElseGet(() -> {
            DatasetEntity d = new DatasetEntity();
            d.server = target.server();
            d.name = target.dataset();
            d.kind = from.kind;
            d.flavor = from.flavor;
            d.scope = from.scope;
            return d;
        });
        RouteEntity route = new RouteEntity();
        route.recursive = recursive;
        route.options = "--no-sync-snap --no-privilege-elevation" + (recursive ? " --recursive" : "");
        if (!dryRun) {
            if (to.id == null) {
                to.persist();
            }
            route.sourceDataset = from.id;
            route.targetDataset = to.id;
            route.persist();
            configs.stage("add route " + source + " -> " + target, List.of(source.server(), target.server()));
        }
        return route;
    }

    @Transactional
    public void removeRoute(long id, boolean dryRun) {
        lockUnless(dryRun);
        RouteEntity route = RouteEntity.<RouteEntity>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("no route " + id));
        if (!dryRun) {
            Route removed = toRoute(route);
            route.delete();
            configs.stage("remove route " + id + " (" + removed.source() + " -> " + removed.target() + ")",
                    List.of(removed.source().server(), removed.target().server()));
        }
    }

    public Route toRoute(RouteEntity r) {
        return new Route(dataset(r.sourceDataset).ref(), dataset(r.targetDataset).ref(), r.recursive);
    }

    private void lockUnless(boolean dryRun) {
        if (!dryRun) {
            configs.lock();
        }
    }

    private static void requireServer(String server, String field) {
        if (KnownServer.findById(server) == null) {
            throw ApiException.unprocessable("unknown server " + server + " (not in the inventory)", field);
        }
    }
}
