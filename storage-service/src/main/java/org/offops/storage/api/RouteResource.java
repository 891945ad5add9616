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
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;
import org.offops.storage.store.RouteEntity;
import org.offops.storage.store.StorageCatalog;

/** REST API for replication routes, validated against the fleet (unknown hosts/datasets, cycles, double targets). */
@Path("/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RouteResource {

    private final StorageCatalog catalog;

    public RouteResource(StorageCatalog catalog) {
        this.catalog = catalog;
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
