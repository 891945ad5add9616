package org.offops.inventory.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.offops.inventory.domain.Datacenter;
import org.offops.inventory.domain.Flavor;
import org.offops.inventory.domain.FleetRules;
import org.offops.inventory.store.CatalogRegistry;
import org.offops.inventory.store.DatacenterEntity;
import org.offops.inventory.store.FlavorEntity;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** REST API for datacenters and flavors: PUT creates, or replaces with If-Match; admins delete. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogRegistry catalog;

    public CatalogResource(CatalogRegistry catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("datacenters")
    public List<Datacenter> datacenters(@QueryParam("offset") @DefaultValue("0") int offset,
                                        @QueryParam("limit") @DefaultValue("100") int limit) {
        return catalog.datacenters(Paging.of(offset, limit)).stream().map(DatacenterEntity::toDomain).toList();
    }

    @GET
    @Path("datacenters/{name}")
    public Response datacenter(@PathParam("name") String name) {
        DatacenterEntity dc = catalog.datacenter(name).orElseThrow(() -> ApiException.notFound("no datacenter " + name));
        return Response.ok(dc.toDomain()).tag(Versions.etag(dc.version)).build();
    }

    @PUT
    @Path("datacenters/{name}")
    @RequiresRole(Role.OPERATOR)
    public Response putDatacenter(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                                  Datacenter dc) {
        Validation.requireBody(dc);
        Validation.requireSameName(name, dc.name());
        DatacenterEntity row = catalog.putDatacenter(Validation.valid(dc, FleetRules.check(dc)), version(ifMatch));
        return Response.ok(row.toDomain()).tag(Versions.etag(row.version)).build();
    }

    @DELETE
    @Path("datacenters/{name}")
    @RequiresRole(Role.ADMIN)
    public Response removeDatacenter(@PathParam("name") String name) {
        catalog.removeDatacenter(name);
        return Response.noContent().build();
    }

    @GET
    @Path("flavors")
    public List<Flavor> flavors(@QueryParam("offset") @DefaultValue("0") int offset,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        return catalog.flavors(Paging.of(offset, limit)).stream().map(FlavorEntity::toDomain).toList();
    }

    @GET
    @Path("flavors/{name}")
    public Response flavor(@PathParam("name") String name) {
        FlavorEntity flavor = catalog.flavor(name).orElseThrow(() -> ApiException.notFound("no flavor " + name));
        return Response.ok(flavor.toDomain()).tag(Versions.etag(flavor.version)).build();
    }

    @PUT
    @Path("flavors/{name}")
    @RequiresRole(Role.OPERATOR)
    public Response putFlavor(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, Flavor flavor) {
        Validation.requireBody(flavor);
        Validation.requireSameName(name, flavor.name());
        FlavorEntity row = catalog.putFlavor(Validation.valid(flavor, FleetRules.check(flavor)), version(ifMatch));
        return Response.ok(row.toDomain()).tag(Versions.etag(row.version)).build();
    }

    @DELETE
    @Path("flavors/{name}")
    @RequiresRole(Role.ADMIN)
    public Response removeFlavor(@PathParam("name") String name) {
        catalog.removeFlavor(name);
        return Response.noContent().build();
    }

    private static Long version(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : Versions.expected(ifMatch);
    }
}
