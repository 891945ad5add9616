package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownContainer;
import org.offops.remote.RemoteCommand;
import org.offops.storage.domain.mount.MountPlan;
import org.offops.storage.domain.mount.MountProblem;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.MountCatalog;
import org.offops.storage.store.MountEntity;

/** Adds and removes mounts: read, plan, {@code pct set} (not in a dry run), check, record row + events. */
@ApplicationScoped
public class MountChanges {

    /** The row (a dry run's preview), plan, steps, whether it is newly recorded, the events' correlation id. */
    public record Outcome(MountEntity mount, MountPlan plan, List<String> steps, boolean created,
                          String correlationId) {
    }

    private final MountRunner runner;
    private final MountLocks locks;
    private final MountCatalog mounts;

    public MountChanges(MountRunner runner, MountLocks locks, MountCatalog mounts) {
        this.runner = runner;
        this.locks = locks;
        this.mounts = mounts;
    }

    public Outcome add(DatasetEntity d, KnownContainer ct, String path, boolean dryRun, String actor) {
        return locks.exclusively(ct, () -> {
            MountRunner.Proposal p = runner.proposeAdd(ct, d.name, path);
            MountPlan plan = refuseIfRefused(p.plan());
            List<String> steps = steps(ct, plan);
            MountEntity existing = mounts.at(ct.name, path).orElse(null);
            if (dryRun || (plan.outcome() == MountPlan.Outcome.UNCHANGED && existing != null)) {
                MountEntity shown = existing != null ? existing
                        : MountEntity.of(d.id, ct, p.hostPath(), path, plan.slot());
                return new Outcome(shown, plan, steps, false, null);
            }
            if (plan.outcome() == MountPlan.Outcome.CHANGE && runner.apply(ct, plan).stream()
                    .noneMatch(m -> m.slot() == plan.slot() && m.containerPath().equals(path))) {
                throw new ApiException(502, "pct set ran on " + ct.server + " but pct config " + ct.vmid
                        + " does not show " + plan.slotKey() + " at " + path, null);
            }
            MountCatalog.Recorded row = mounts.configured(d, ct, p.hostPath(), path, plan, actor);
            return new Outcome(row.mount(), plan, steps, existing == null, row.correlationId());
        });
    }

    public Outcome remove(MountEntity m, KnownContainer ct, boolean dryRun, String actor) {
        return locks.exclusively(ct, () -> {
            MountPlan plan = refuseIfRefused(runner.proposeRemove(ct, m.hostPath, m.containerPath).plan());
            List<String> steps = new ArrayList<>(steps(ct, plan));
            steps.add("forget mount " + m.id);
            if (dryRun) {
                return new Outcome(m, plan, steps, false, null);
            }
            runner.apply(ct, plan);
            return new Outcome(m, plan, steps, false, mounts.removed(m, plan.rebootRequired(), actor));
        });
    }

    /** The container a mount names, which must be on the dataset's server. */
    public static KnownContainer container(String name, String server) {
        KnownContainer ct = KnownContainer.findById(name);
        if (ct == null || !ct.server.equals(server)) {
            String why = ct == null ? " is not in the inventory" : " runs on " + ct.server + ", the dataset on "
                    + server + " (a bind mount needs both on one Proxmox server)";
            throw ApiException.unprocessable("container " + name + why, "container");
        }
        return ct;
    }

    private static List<String> steps(KnownContainer ct, MountPlan plan) {
        List<String> steps = new ArrayList<>();
        RemoteCommand set = MountCommands.set(ct.vmid, plan);
        if (set != null) {
            steps.add("on " + ct.server + ": " + set.toShellLine());
        }
        steps.addAll(plan.notes());
        plan.set().forEach(s -> steps.add("MountConfigured " + ct.name + " " + s.key() + " " + s.containerPath()));
        return steps;
    }

    /** A refused plan becomes the API error: 409 for a clash with what is there, 400 for a bad request. */
    private static MountPlan refuseIfRefused(MountPlan plan) {
        if (plan.outcome() != MountPlan.Outcome.REFUSED) {
            return plan;
        }
        MountProblem first = plan.problems().get(0);
        String message = String.join("; ", plan.problems().stream().map(MountProblem::message).toList());
        throw first.conflict() ? ApiException.conflict(message, first.field())
                : ApiException.badRequest(message, first.field());
    }
}
