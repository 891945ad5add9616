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
import org.offops.storage.domain.replication.ReplicationPlan;
import org.offops.storage.exec.ReplicationQueue;
import org.offops.storage.exec.Replicator;
import org.offops.storage.store.RouteEntity;
import org.offops.storage.store.RouteCatalog;

/** REST API for replication routes, validated against the fleet (unknown hosts/datasets, cycles, double targets). */
@Path("/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RouteResource {

    private final RouteCatalog catalog;
    private final Replicator replicator;
    private final ReplicationQueue queue;
    private final Caller caller;

    public RouteResource(RouteCatalog catalog, Replicator replicator, ReplicationQueue queue, Caller caller) {
        this.catalog = catalog;
        this.replicator = replicator;
        this.queue = queue;
        this.caller = caller;
    }

    /** The route's next pull as read from both hosts now: full, incremental, resume, up to date, or diverged. */
    @GET
    @Path("/{id}/plan")
    public ReplicationPlan plan(@PathParam("id") long id) {
        catalog.route(id);
        return replicator.plan(id);
    }

    /** Asks for a pull now (the same pull a new snapshot triggers); it runs in the background. */
    @POST
    @Path("/{id}/pull")
    @RequiresRole(Role.OPERATOR)
    public Response pull(@PathParam("id") long id, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        catalog.route(id);
        ReplicationPlan plan = replicator.plan(id);
        if (!dryRun) {
            queue.request(id, null);
        }
        return Response.status(dryRun ? 200 : 202).entity(new Planned<>(dryRun, List.of("pull: " + plan.kind()),
                plan)).build();
    }

    /**
     * Repairs a diverged route: the diverged replica is renamed aside, then sent in full. Destroys nothing, and
     * still needs {@code confirm=<target dataset>} because the target stops being a replica in place.
     */
    @POST
    @Path("/{id}/repair")
    @RequiresRole(Role.OPERATOR)
    public Planned<ReplicationPlan> repair(@PathParam("id") long id, @QueryParam("confirm") String confirm,
                                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun)
            throws InterruptedException {
        RouteEntity route = catalog.route(id);
        ReplicationPlan plan = replicator.plan(id);
        if (plan.kind() != ReplicationPlan.Kind.DIVERGED) {
            throw ApiException.conflict("route " + id + " is not diverged (" + plan.kind() + "); nothing to repair",
                    "id");
        }
        if (dryRun) {
            return new Planned<>(true, plan.repair(), plan);
        }
        String target = catalog.toRoute(route).target().dataset();
        if (!target.equals(confirm)) {
            throw ApiException.badRequest("confirm must be the target dataset " + target, "confirm");
        }
        Replicator.Outcome outcome = replicator.repair(id, null);
        if (outcome != Replicator.Outcome.REPLICATED) {
            throw ApiException.conflict("repair renamed the replica aside but the full pull ended " + outcome
                    + "; see GET /replication", "id");
        }
        return new Planned<>(false, plan.repair(), plan);
    }

    @GET
    public List<RouteView> list() {
        return catalog.routes().stream().map(this::view).toList();
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response add(RouteRequest request, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (request == null) {
            throw ApiException.badRequest("a JSON body is required", "body");
        }
        var source = Requests.ref(request.source(), "source");
        var target = Requests.ref(request.target(), "target");
        boolean recursive = Boolean.TRUE.equals(request.recursive());
        RouteEntity route = catalog.addRoute(source, target, recursive, dryRun);
        RouteView view = new RouteView(route.id == null ? 0 : route.id, source.toString(), target.toString(),
                recursive, route.options);
        List<String> steps = List.of(target.server() + " pulls " + source + " into " + target.dataset()
                + " (syncoid " + route.options + ")");
        return Response.status(dryRun ? 200 : 201).entity(new Planned<>(dryRun, steps, view)).build();
    }

    @DELETE
    @Path("/{id}")
    @RequiresRole(Role.ADMIN)
    public Planned<Long> remove(@PathParam("id") long id, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        catalog.removeRoute(id, dryRun);
        return new Planned<>(dryRun, List.of("stop replicating route " + id), id);
    }

    private RouteView view(RouteEntity r) {
        var route = catalog.toRoute(r);
        return new RouteView(r.id, route.source().toString(), route.target().toString(), r.recursive, r.options);
    }
}
