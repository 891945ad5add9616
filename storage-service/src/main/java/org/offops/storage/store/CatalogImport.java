package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownServer;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.storage.domain.imports.SanoidImportPlanner;
import org.offops.storage.domain.imports.SyncoidImportPlanner;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.sanoid.SanoidConf;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.domain.syncoid.SyncoidArgs;

/**
 * Applies an imported sanoid.conf or syncoid-args.conf to one server through the catalog, all or nothing, as ONE
 * change: its re-rendered configs are staged once, so the import is one commit per server in git.
 */
@ApplicationScoped
public class CatalogImport {

    private final StorageCatalog catalog;
    private final RouteCatalog routes;
    private final ServerConfigLedger configs;

    public CatalogImport(StorageCatalog catalog, RouteCatalog routes, ServerConfigLedger configs) {
        this.catalog = catalog;
        this.routes = routes;
        this.configs = configs;
    }

    @Transactional
    public SanoidImportPlanner.Plan sanoid(String server, SanoidConf conf, boolean dryRun) {
        configs.lockUnlessDryRun(dryRun);
        requireServer(server);
        Map<String, SnapshotPolicy> policies = new TreeMap<>();
        catalog.policies().forEach(p -> policies.put(p.name, p.toPolicy()));
        Map<String, String> datasets = new HashMap<>();
        catalog.datasets().stream().filter(d -> d.server.equals(server)).forEach(d -> datasets.put(d.name, d.policy));
        SanoidImportPlanner.Plan plan = SanoidImportPlanner.plan(conf, server, policies, datasets);
        plan.datasets().forEach(d -> {
            try {
                Names.zfsDataset(d.dataset());
            } catch (InvalidNameException e) {
                throw ApiException.unprocessable("section [" + d.dataset() + "]: " + e.getMessage(), "body");
            }
        });
        if (!dryRun) {
            configs.batch("import sanoid.conf into " + server + " (" + plan.steps().size() + " steps)", () -> {
                plan.policies().forEach(p -> catalog.putPolicy(p.name(), p.policy(), false));
                plan.datasets().forEach(d -> {
                    if (d.create()) {
                        DatasetEntity e = new DatasetEntity();
                        e.server = server;
                        e.name = d.dataset();
                        e.kind = d.kind();
                        e.scope = "shared";
                        e.policy = d.policy();
                        catalog.addDataset(e, false);
                    } else {
                        catalog.setPolicy(DatasetEntity.byRef(new DatasetRef(server,
                                d.dataset())).orElseThrow().id, d.policy(), false);
                    }
                });
            });
        }
        return plan;
    }

    @Transactional
    public SyncoidImportPlanner.Plan syncoid(String server, SyncoidArgs args, boolean dryRun) {
        configs.lockUnlessDryRun(dryRun);
        requireServer(server);
        Map<String, String> servers = new HashMap<>();
        KnownServer.<KnownServer>listAll().forEach(s -> {
            servers.put(s.name, s.name);
            if (s.sshHost != null) {
                servers.putIfAbsent(s.sshHost, s.name);
            }
        });
        var existing = new HashSet<>(routes.routes().stream().map(routes::toRoute).toList());
        SyncoidImportPlanner.Plan plan = SyncoidImportPlanner.plan(args, server, servers, existing);
        if (!plan.problems().isEmpty()) {
            throw ApiException.unprocessable("nothing imported: " + String.join("; ", plan.problems()), "body");
        }
        if (!dryRun) {
            configs.batch("import syncoid-args.conf into " + server + " (" + plan.routes().size() + " routes)",
                    () -> plan.routes().forEach(r -> routes.addRoute(r.source(), r.target(), r.recursive(), false)));
        } else {
            // each route validated against the model as it is (two lines into one target: the parser's ambiguity)
            plan.routes().forEach(r -> routes.addRoute(r.source(), r.target(), r.recursive(), true));
        }
        return plan;
    }

    private static void requireServer(String server) {
        if (KnownServer.findById(server) == null) {
            throw ApiException.unprocessable("unknown server " + server + " (not in the inventory)", "server");
        }
    }
}
