package org.offops.storage.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;
import org.offops.storage.domain.clone.ClonePlan;
import org.offops.storage.exec.CloneRefresher;
import org.offops.storage.store.CloneCatalog;
import org.offops.storage.store.CloneRuleEntity;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.StorageCatalog;

/** REST API for staging clone rules and their refresh (dry runs show the zfs steps, read from the server now). */
@Path("/clone-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CloneRuleResource {

    private final CloneCatalog clones;
    private final StorageCatalog catalog;
    private final CloneRefresher refresher;
    private final Caller caller;

    public CloneRuleResource(CloneCatalog clones, StorageCatalog catalog, CloneRefresher refresher, Caller caller) {
        this.clones = clones;
        this.catalog = catalog;
        this.refresher = refresher;
        this.caller = caller;
    }

    @GET
    public List<CloneRuleView> list() {
        return clones.rules().stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public CloneRuleView get(@PathParam("id") long id) {
        return view(clones.rule(id));
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response add(CloneRuleRequest request, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        CloneRules.Valid valid = CloneRules.check(request);
        DatasetEntity origin = valid.origin();
        // the name may hold a dataset offops does not manage: a real dataset is never replaced by a clone
        refresher.originOf(origin.server, valid.cloneName()).filter("-"::equals).ifPresent(o -> {
            throw ApiException.conflict(origin.server + ":" + valid.cloneName() + " exists and is not a clone", "clone");
        });
        CloneRuleEntity rule = clones.add(origin, valid.cloneName(), valid.period(), dryRun);
        List<String> steps = List.of("on " + origin.server + ": " + valid.cloneName() + " follows the newest "
                + valid.period() + " snapshot of " + origin.name + " (refreshed after each replica of it)");
        return Response.status(dryRun ? 200 : 201).entity(new Planned<>(dryRun, steps, view(rule))).build();
    }

    /** Forgets the rule; the clone itself stays (destroy it by hand if it is no longer wanted). */
    @DELETE
    @Path("/{id}")
    @RequiresRole(Role.ADMIN)
    public Planned<Long> remove(@PathParam("id") long id, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        CloneRuleEntity rule = clones.rule(id);
        clones.remove(id, dryRun);
        return new Planned<>(dryRun, List.of("stop refreshing " + rule.cloneName + " (the clone is kept)"), id);
    }

    /** Refreshes the clone now (operator); the dry run shows the plan read from the server, changing nothing. */
    @POST
    @Path("/{id}/refresh")
    @RequiresRole(Role.OPERATOR)
    public Planned<ClonePlan> refresh(@PathParam("id") long id,
                                      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        clones.rule(id);
        ClonePlan plan = dryRun ? refresher.plan(id) : refresher.refresh(id, null, caller.actor());
        // the operator asked for a refresh that did not happen: say why (not a clone, or in a running container)
        if (!dryRun && (plan.kind() == ClonePlan.Kind.REFUSED || plan.kind() == ClonePlan.Kind.IN_USE)) {
            throw ApiException.conflict(plan.note(), "id");
        }
        return new Planned<>(dryRun, plan.lines(), plan);
    }

    private CloneRuleView view(CloneRuleEntity r) {
        String origin = r.originDataset == 0 ? null : catalog.dataset(r.originDataset).ref().toString();
        return new CloneRuleView(r.id == null ? 0 : r.id, origin, r.cloneName, r.period, r.state, r.originSnapshot,
                r.pendingSnapshot, r.note, r.lastError, r.updatedAt);
    }
}
