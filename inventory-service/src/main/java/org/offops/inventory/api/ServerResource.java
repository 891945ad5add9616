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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.offops.events.inventory.ServerState;
import org.offops.inventory.domain.FleetRules;
import org.offops.inventory.store.ServerEntity;
import org.offops.inventory.store.ServerRegistry;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** REST API for the fleet's Proxmox hosts: viewers read, operators write, admins delete. */
@Path("/servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServerResource {

    private final ServerRegistry registry;
    private final Caller caller;

    public ServerResource(ServerRegistry registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @GET
    public List<ServerState> list(@QueryParam("datacenter") String datacenter,
                                  @QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        return registry.list(datacenter, Paging.of(offset, limit)).stream().map(ServerEntity::toState).toList();
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        ServerEntity server = registry.find(name).orElseThrow(() -> ApiException.notFound("no server " + name));
        return Response.ok(server.toState()).tag(etag(server)).build();
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response register(ServerState server) {
        ServerEntity created = registry.register(valid(server), caller.actor());
        return Response.created(URI.create("/servers/" + created.name)).entity(created.toState())
                .tag(etag(created)).build();
    }

    @PUT
    @Path("/{name}")
    @RequiresRole(Role.OPERATOR)
    public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                           ServerState server) {
        long expected = Versions.expected(ifMatch);
        Validation.requireBody(server);
        Validation.requireSameName(name, server.name());
        ServerEntity updated = registry.update(name, expected, valid(server), caller.actor());
        return Response.ok(updated.toState()).tag(etag(updated)).build();
    }

    @DELETE
    @Path("/{name}")
    @RequiresRole(Role.ADMIN)
    public Response remove(@PathParam("name") String name) {
        registry.remove(name, caller.actor());
        return Response.noContent().build();
    }

    private static ServerState valid(ServerState server) {
        Validation.requireBody(server);
        return Validation.valid(server, FleetRules.check(server));
    }

    private static EntityTag etag(ServerEntity server) {
        return Versions.etag(server.version);
    }
}
