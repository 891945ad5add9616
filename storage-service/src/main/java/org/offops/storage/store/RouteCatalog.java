package org.offops.storage.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.offops.platform.api.ApiException;
import org.offops.storage.domain.render.FleetConfigs;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.route.RouteValidator;
import org.offops.storage.domain.route.Violation;

/**
 * Replication routes: validated against inventory and the other routes (no unknown host or dataset, no cycle, one
 * route into a target), written only when not a dry run, each written change staging the configs it alters.
 */
@ApplicationScoped
public class RouteCatalog {

    private final ServerConfigLedger configs;
    private final StorageModel model;
    private final StorageCatalog datasets;

    public RouteCatalog(ServerConfigLedger configs, StorageModel model, StorageCatalog datasets) {
        this.configs = configs;
        this.model = model;
        this.datasets = datasets;
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
        configs.lockUnlessDryRun(dryRun);
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
        configs.lockUnlessDryRun(dryRun);
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
        return new Route(datasets.dataset(r.sourceDataset).ref(), datasets.dataset(r.targetDataset).ref(),
                r.recursive);
    }
}
