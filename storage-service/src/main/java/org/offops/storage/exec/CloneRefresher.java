package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.offops.platform.api.ApiException;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.SshExecutor;
import org.offops.storage.domain.clone.ClonePlan;
import org.offops.storage.domain.clone.CloneRefreshPlanner;
import org.offops.storage.domain.clone.CloneRule;
import org.offops.storage.domain.clone.CloneState;
import org.offops.storage.store.CloneCatalog;
import org.offops.storage.store.CloneRuleEntity;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.StorageCatalog;
import org.offops.storage.store.TickClaims;

/**
 * One refresh of one staging clone: reads the clone's server, plans (pure), runs the zfs steps and records the outcome
 * (CloneRefreshed when the clone moved to a newer origin). One refresh per rule at a time: a lock in-process, a
 * PostgreSQL lease across replicas.
 */
@ApplicationScoped
public class CloneRefresher {

    private static final String ORIGIN_OF = "if zfs list -H -o name \"$1\" >/dev/null 2>&1;"
            + " then zfs get -H -o value origin \"$1\"; else echo absent; fi";
    private final SshExecutor ssh;
    private final FleetHosts hosts;
    private final CloneCatalog clones;
    private final StorageCatalog catalog;
    private final TickClaims claims;
    private final CloneSteps steps;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final String holder = "storage-service/" + UUID.randomUUID();

    public CloneRefresher(SshExecutor ssh, FleetHosts hosts, CloneCatalog clones, StorageCatalog catalog,
                          TickClaims claims, CloneSteps steps) {
        this.ssh = ssh;
        this.hosts = hosts;
        this.clones = clones;
        this.catalog = catalog;
        this.claims = claims;
        this.steps = steps;
    }

    /** The plan of the rule's next refresh, read from its server now (the dry run). */
    @ActivateRequestContext
    public ClonePlan plan(long ruleId) {
        CloneTarget target = target(ruleId);
        return CloneRefreshPlanner.plan(target.rule(), read(target));
    }

    /** Refreshes one clone now; a failed step is recorded on the rule and thrown (RemoteException). */
    @ActivateRequestContext
    public ClonePlan refresh(long ruleId, String correlationId, String actor) {
        CloneTarget target = target(ruleId);
        ReentrantLock lock = locks.computeIfAbsent(ruleId, k -> new ReentrantLock());
        lock.lock();
        String job = "clone/" + ruleId;
        try {
            if (!claims.lease(job, holder, Duration.ofHours(1))) {
                throw ApiException.conflict("another storage-service instance is refreshing clone rule " + ruleId,
                        "id");
            }
            try {
                return run(target, correlationId, actor);
            } catch (RemoteException e) {
                clones.failed(ruleId, e.getMessage());
                throw e;
            } finally {
                claims.unlease(job, holder);
            }
        } finally {
            lock.unlock();
        }
    }

    private ClonePlan run(CloneTarget target, String correlationId, String actor) {
        ClonePlan plan = CloneRefreshPlanner.plan(target.rule(), read(target));
        switch (plan.kind()) {
            case NO_SNAPSHOT, IN_USE, REFUSED -> clones.deferred(target.id(), plan);
            case UP_TO_DATE -> clones.refreshed(target.id(), target.server(), plan, correlationId, actor);
            default -> {
                clones.started(target.id(), plan);
                steps.run(target, plan);
                clones.refreshed(target.id(), target.server(), plan, correlationId, actor);
            }
        }
        return plan;
    }

    private CloneState read(CloneTarget target) {
        String out = ssh.run(target.host(), CloneListing.command(target.rule())).orThrow().stdoutTail();
        return CloneListing.parse(target.rule(), out);
    }

    /** The origin of {@code dataset} on the server: empty when absent, "-" when it exists and is not a clone. */
    @ActivateRequestContext
    public Optional<String> originOf(String server, String dataset) {
        String out = ssh.run(hosts.server(server), RemoteCommand.script(ORIGIN_OF, Names.zfsDataset(dataset)))
                .orThrow().stdoutTail().strip();
        return out.equals("absent") ? Optional.empty() : Optional.of(out);
    }

    private CloneTarget target(long ruleId) {
        CloneRuleEntity rule = clones.rule(ruleId);
        DatasetEntity origin = catalog.dataset(rule.originDataset);
        return new CloneTarget(ruleId, new CloneRule(origin.name, rule.cloneName, rule.period),
                hosts.server(origin.server));
    }

}
