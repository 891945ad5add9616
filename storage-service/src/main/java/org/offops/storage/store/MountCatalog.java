package org.offops.storage.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.offops.events.storage.DatasetRenamed;
import org.offops.events.storage.MountConfigured;
import org.offops.events.storage.MountRemoved;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownContainer;
import org.offops.platform.outbox.Outbox;
import org.offops.storage.domain.mount.MountPlan;
import org.offops.storage.domain.mount.MountPoint;

/** The mounts offops configured or adopted; a change and its MountConfigured events commit together. */
@ApplicationScoped
public class MountCatalog {

    /** The recorded row and the correlation id of its MountConfigured events (null when nothing was written). */
    public record Recorded(MountEntity mount, String correlationId) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ServerConfigLedger configs;
    private final StorageModel model;

    public MountCatalog(EntityManager em, Outbox outbox, ServerConfigLedger configs, StorageModel model) {
        this.em = em;
        this.outbox = outbox;
        this.configs = configs;
        this.model = model;
    }

    public List<MountEntity> mounts() {
        return MountEntity.listAll(Sort.by("container").and("slot"));
    }

    public MountEntity mount(long id) {
        return MountEntity.<MountEntity>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("no mount " + id));
    }

    public Optional<MountEntity> at(String container, String containerPath) {
        return MountEntity.find("container = ?1 and containerPath = ?2", container, containerPath)
                .firstResultOptional();
    }

    /**
     * Records the wanted mount at the plan's slot (adopting one that was already there), moves offops' rows that the
     * plan re-slotted, and publishes one MountConfigured per mpN the plan wrote, all under one correlation id.
     */
    @Transactional
    public Recorded configured(DatasetEntity dataset, KnownContainer ct, String hostPath, String containerPath,
                                  MountPlan plan, String actor) {
        MountEntity row = at(ct.name, containerPath).orElseGet(MountEntity::new);
        row.dataset = dataset.id;
        row.container = ct.name;
        row.server = ct.server;
        row.vmid = ct.vmid;
        row.slot = plan.slot();
        row.containerPath = containerPath;
        row.hostPath = hostPath;
        String correlation = null;
        for (MountPoint m : plan.set()) {
            at(ct.name, m.containerPath()).filter(other -> other != row).ifPresent(other -> other.slot = m.slot());
            correlation = outbox.publish(SnapshotLedger.subject(dataset), correlation, actor, new MountConfigured(
                    ct.server, ct.vmid, ct.name, m.key(), m.hostPath(), m.containerPath(), plan.rebootRequired()))
                    .correlationid();
        }
        if (row.id == null) {
            row.persist();
        }
        return new Recorded(row, correlation);
    }

    /** Forgets the mount and publishes MountRemoved; returns the event's correlation id. */
    @Transactional
    public String removed(MountEntity m, boolean rebootRequired, String actor) {
        MountEntity.deleteById(m.id);
        DatasetEntity dataset = DatasetEntity.findById(m.dataset);
        String subject = dataset != null ? SnapshotLedger.subject(dataset) : "container/" + m.container;
        return outbox.publish(subject, null, actor, new MountRemoved(m.server, m.vmid, m.container, "mp" + m.slot,
                m.hostPath, m.containerPath, rebootRequired)).correlationid();
    }

    /** A recorded mount whose mpN was re-pointed (its dataset was renamed) keeps the new host path. */
    @Transactional
    public void repointed(String server, int vmid, MountPoint mount) {
        MountEntity.update("hostPath = ?1 where server = ?2 and vmid = ?3 and slot = ?4", mount.hostPath(), server,
                vmid, mount.slot());
    }

    /** The dataset and every catalogued dataset under it on the same server take the new name, as zfs renamed them. */
    @Transactional
    public int datasetRenamed(DatasetEntity dataset, String newName, String actor) {
        // the rename changes the server's sanoid.conf / syncoid-args: staged in order with every other catalog change
        configs.lock();
        String subject = SnapshotLedger.subject(dataset);
        // left() rather than LIKE: ZFS names are full of '_', LIKE's any-character wildcard
        String subtree = " where server = :server and (name = :old or left(name, length(:old) + 1) = :old || '/')";
        List<Long> ids = ((List<?>) em.createNativeQuery("select id from dataset" + subtree)
                .setParameter("old", dataset.name).setParameter("server", dataset.server).getResultList()).stream()
                .map(id -> ((Number) id).longValue()).toList();
        int renamed = em.createNativeQuery("update dataset set name = :renamed || substr(name, length(:old) + 1),"
                        + " version = version + 1" + subtree)
                .setParameter("renamed", newName).setParameter("old", dataset.name)
                .setParameter("server", dataset.server)
                .executeUpdate();
        outbox.publish(subject, null, actor, new DatasetRenamed(dataset.server, dataset.name, newName));
        configs.stage("rename dataset " + dataset.server + ":" + dataset.name + " to " + newName,
                model.serversReaching(ids));
        return renamed;
    }
}
