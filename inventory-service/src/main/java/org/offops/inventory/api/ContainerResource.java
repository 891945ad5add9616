package org.offops.inventory.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.offops.events.inventory.ContainerState;
import org.offops.inventory.domain.FleetRules;
import org.offops.inventory.store.ContainerEntity;
import org.offops.inventory.store.ContainerRegistry;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** REST API for LXC containers: filter by server, flavor and kind; viewers read, operators write, admins delete. */
@Path("/containers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContainerResource {

    private final ContainerRegistry registry;
    private final Caller caller;

    public ContainerResource(ContainerRegistry registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @GET
    public List<ContainerState> list(@QueryParam("server") String server, @QueryParam("flavor") String flavor,
                                     @QueryParam("kind") String kind,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        return registry.list(server, flavor, kind, Paging.of(offset, limit)).stream()
                .map(ContainerEntity::toState).toList();
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        ContainerEntity container = registry.find(name)
                .orElseThrow(() -> ApiException.notFound("no container " + name));
        return Response.ok(container.toState()).tag(Versions.etag(container.version)).build();
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response register(ContainerState container) {
        ContainerEntity created = registry.register(valid(container), caller.actor());
        return Response.created(URI.create("/containers/" + created.name)).entity(created.toState())
                .tag(Versions.etag(created.version)).build();
    }

    @PUT
    @Path("/{name}")
    @RequiresRole(Role.OPERATOR)
    public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                           ContainerState container) {
        long expected = Versions.expected(ifMatch);
        Validation.requireBody(container);
        Validation.requireSameName(name, container.name());
        ContainerEntity updated = registry.update(name, expected, valid(container), caller.actor());
        return Response.ok(updated.toState()).tag(Versions.etag(updated.version)).build();
    }

    @DELETE
    @Path("/{name}")
    @RequiresRole(Role.ADMIN)
    public Response remove(@PathParam("name") String name) {
        registry.remove(name, caller.actor());
        return Response.noContent().build();
    }

    private static ContainerState valid(ContainerState container) {
        Validation.requireBody(container);
        return Validation.valid(container, FleetRules.check(container));
    }
}
