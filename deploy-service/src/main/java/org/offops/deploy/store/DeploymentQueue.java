package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.offops.deploy.domain.DeploymentState;
import org.offops.deploy.domain.plan.Plan;

/**
 * Queues deployments and hands them out: one active deployment per container; a newer release queued for a
 * container supersedes an older one still waiting there.
 */
@ApplicationScoped
public class DeploymentQueue {

    private final EntityManager em;
    private final StepCodec codec;
    private final Event<DeploymentQueued> queued;

    public DeploymentQueue(EntityManager em, StepCodec codec, Event<DeploymentQueued> queued) {
        this.em = em;
        this.codec = codec;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DeploymentRow queue(NewDeployment origin, String server, Plan plan) {
        List<DeploymentRow> waiting = DeploymentRow.list("container = ?1 and state = ?2", plan.container(),
                DeploymentState.QUEUED.name());
        for (DeploymentRow older : waiting) {
            older.state = DeploymentState.QUEUED.moveTo(DeploymentState.SUPERSEDED).name();
            older.endedAt = OffsetDateTime.now();
            older.error = "superseded by " + plan.tag();
        }
        DeploymentRow row = new DeploymentRow();
        row.id = UUID.randomUUID();
        row.repository = origin.repository();
        row.releaseEventId = origin.releaseEventId();
        row.flavor = plan.flavor();
        row.container = plan.container();
        row.server = server;
        row.tag = plan.tag();
        row.assetUrl = origin.assetUrl();
        row.state = DeploymentState.QUEUED.name();
        row.correlationId = origin.correlationId();
        row.actor = origin.actor();
        row.createdAt = OffsetDateTime.now();
        row.persist();
        em.flush();
        codec.insert(em, row.id, StepCodec.DEPLOY, plan.steps());
        queued.fire(new DeploymentQueued(row.id));
        return row;
    }

    /** Moves up to {@code maxParallel - active} waiting deployments of idle containers to RUNNING. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> claim(int maxParallel) {
        long active = DeploymentRow.count("state in ?1", List.of("RUNNING", "ROLLING_BACK"));
        if (active >= maxParallel) {
            return List.of();
        }
        List<UUID> ids = em.createNativeQuery("select d.id from deployment d where d.state = 'QUEUED' and not exists"
                        + " (select 1 from deployment a where a.container = d.container"
                        + " and a.state in ('RUNNING', 'ROLLING_BACK')) order by d.created_at limit ?1"
                        + " for update skip locked")
                .setParameter(1, maxParallel - active).getResultList();
        for (UUID id : ids) {
            DeploymentRow row = DeploymentRow.findById(id);
            row.state = DeploymentState.QUEUED.moveTo(DeploymentState.RUNNING).name();
            row.startedAt = OffsetDateTime.now();
        }
        return ids;
    }

    /** Deployments some process left RUNNING or ROLLING_BACK (a crash, or an operator's rollback request). */
    @Transactional
    public List<UUID> active() {
        return DeploymentRow.<DeploymentRow>list("state in ?1", List.of("RUNNING", "ROLLING_BACK")).stream()
                .map(row -> row.id).toList();
    }
}
