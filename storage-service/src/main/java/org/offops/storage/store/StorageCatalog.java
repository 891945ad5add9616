package org.offops.storage.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownServer;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Datasets and snapshot policies: validated against the fleet view, written only when not a dry run; every written
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
        configs.lockUnlessDryRun(dryRun);
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
        configs.lockUnlessDryRun(dryRun);
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
        configs.lockUnlessDryRun(dryRun);
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
        configs.lockUnlessDryRun(dryRun);
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

    private static void requireServer(String server, String field) {
        if (KnownServer.findById(server) == null) {
            throw ApiException.unprocessable("unknown server " + server + " (not in the inventory)", field);
        }
    }
}
