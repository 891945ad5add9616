package org.offops.storage.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.offops.events.storage.CloneRefreshed;
import org.offops.platform.api.ApiException;
import org.offops.platform.outbox.Outbox;
import org.offops.storage.domain.clone.ClonePlan;

/** Clone rules and each rule's last refresh; a refreshed clone and its CloneRefreshed commit together. */
@ApplicationScoped
public class CloneCatalog {

    private final Outbox outbox;

    public CloneCatalog(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<CloneRuleEntity> rules() {
        return CloneRuleEntity.listAll(Sort.by("id"));
    }

    public CloneRuleEntity rule(long id) {
        return CloneRuleEntity.<CloneRuleEntity>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("no clone rule " + id));
    }

    public List<Long> rulesFor(long originDataset) {
        return CloneRuleEntity.<CloneRuleEntity>list("originDataset = ?1 order by id", originDataset).stream()
                .map(r -> r.id).toList();
    }

    /** Adds a rule already validated at the edge; a clone name is unique on its server. */
    @Transactional
    public CloneRuleEntity add(DatasetEntity origin, String clone, String period, boolean dryRun) {
        for (CloneRuleEntity other : rules()) {
            DatasetEntity o = DatasetEntity.findById(other.originDataset);
            if (o != null && o.server.equals(origin.server) && other.cloneName.equals(clone)) {
                throw ApiException.conflict("clone " + origin.server + ":" + clone + " already has rule " + other.id,
                        "clone");
            }
        }
        CloneRuleEntity rule = new CloneRuleEntity();
        rule.originDataset = origin.id;
        rule.cloneName = clone;
        rule.period = period;
        rule.state = "new";
        rule.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (!dryRun) {
            rule.persist();
        }
        return rule;
    }

    @Transactional
    public void remove(long id, boolean dryRun) {
        CloneRuleEntity rule = rule(id);
        if (!dryRun) {
            rule.delete();
        }
    }

    /** A refresh starts: the snapshot it clones is protected from pruning from now on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void started(long id, ClonePlan plan) {
        CloneRuleEntity rule = rule(id);
        rule.pendingSnapshot = plan.target();
        rule.originSnapshot = rule.originSnapshot == null ? plan.previous() : rule.originSnapshot;
        mark(rule, "refreshing", null, null);
    }

    /** The clone is at the plan's target; CloneRefreshed is published when that differs from what was recorded. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean refreshed(long id, String server, ClonePlan plan, String correlationId, String actor) {
        CloneRuleEntity rule = rule(id);
        String previous = rule.originSnapshot != null ? rule.originSnapshot : plan.previous();
        boolean changed = !Objects.equals(plan.target(), rule.originSnapshot);
        if (changed) {
            outbox.publish("dataset/" + server + ":" + rule.cloneName, correlationId, actor,
                    new CloneRefreshed(server, rule.cloneName, plan.target(), previous));
        }
        rule.originSnapshot = plan.target();
        rule.pendingSnapshot = null;
        mark(rule, "ok", plan.note(), null);
        return changed;
    }

    /** A plan that changes nothing now (no snapshot yet, in use, refused) and why. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deferred(long id, ClonePlan plan) {
        mark(rule(id), plan.kind().name().toLowerCase(), plan.note(), null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long id, String error) {
        mark(rule(id), "failed", null, error == null || error.length() <= 1900 ? error : error.substring(0, 1900));
    }

    /** Snapshots of the dataset that clones depend on (or a refresh is cloning): never pruned. */
    public List<String> protectedSnapshots(long dataset) {
        List<String> names = new ArrayList<>();
        for (CloneRuleEntity rule : CloneRuleEntity.<CloneRuleEntity>list("originDataset", dataset)) {
            for (String snap : new String[] {rule.originSnapshot, rule.pendingSnapshot}) {
                if (snap != null && snap.contains("@")) {
                    names.add(snap.substring(snap.indexOf('@') + 1));
                }
            }
        }
        return names;
    }

    private static void mark(CloneRuleEntity rule, String state, String note, String error) {
        rule.state = state;
        rule.note = note;
        rule.lastError = error;
        rule.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
