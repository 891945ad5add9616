package org.offops.network.api;

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
import org.offops.network.domain.Link;
import org.offops.network.domain.PskGenerator;
import org.offops.network.exec.LinkApplier;
import org.offops.network.store.LinkQueries;
import org.offops.network.store.LinkRecord;
import org.offops.network.store.LinkStore;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** Links CRUD: viewers read, operators create and change, admins delete; every mutation has a dry run. */
@Path("/links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LinkResource {

    private final LinkQueries links;
    private final LinkStore store;
    private final LinkValidation validation;
    private final LinkApplier applier;
    private final PskGenerator generator;
    private final Caller caller;

    public LinkResource(LinkQueries links, LinkStore store, LinkValidation validation, LinkApplier applier,
                        PskGenerator generator, Caller caller) {
        this.links = links;
        this.store = store;
        this.validation = validation;
        this.applier = applier;
        this.generator = generator;
        this.caller = caller;
    }

    @GET
    public List<LinkView> list() {
        return links.records().stream().map(LinkView::of).toList();
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        LinkRecord link = links.existing(name);
        return Response.ok(LinkView.of(link)).tag(Versions.etag(link.version())).build();
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response create(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, LinkRequest request) {
        Link link = validation.valid(LinkValidation.body(request).toLink(null));
        if (dryRun) {
            return Response.ok(applier.plan("create", null, link)).build();
        }
        store.create(link, generator.next(link.name()));
        applier.apply(link, null, caller.actor());
        return Response.created(URI.create("/links/" + link.name())).entity(LinkView.of(links.existing(link.name())))
                .build();
    }

    @PUT
    @Path("/{name}")
    @RequiresRole(Role.OPERATOR)
    public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, LinkRequest request) {
        LinkRecord before = links.existing(name);
        if (request != null && request.name() != null && !request.name().equals(name)) {
            throw ApiException.badRequest("the name in the body differs from the path", "name");
        }
        Link link = validation.valid(LinkValidation.body(request).toLink(name));
        if (dryRun) {
            return Response.ok(applier.plan("update", before.link(), link)).build();
        }
        store.update(link, ifMatch == null ? before.version() : Versions.expected(ifMatch));
        applier.apply(link, before.link(), caller.actor());
        return Response.ok(LinkView.of(links.existing(name))).build();
    }

    @DELETE
    @Path("/{name}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("name") String name, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        LinkRecord link = links.existing(name);
        if (dryRun) {
            return Response.ok(applier.plan("delete", link.link(), null)).build();
        }
        applier.remove(link.link());
        return Response.noContent().build();
    }
}
