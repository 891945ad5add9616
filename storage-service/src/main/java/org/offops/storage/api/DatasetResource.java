package org.offops.storage.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;
import org.offops.storage.exec.DatasetRename;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.StorageCatalog;

/** REST API for datasets: viewers read, operators register, admins remove. */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DatasetResource {

    /** A rename or move inside the pool: the new ZFS name. */
    public record RenameRequest(String name) {
    }

    private final StorageCatalog catalog;
    private final DatasetRename renamer;
    private final Caller caller;

    public DatasetResource(StorageCatalog catalog, DatasetRename renamer, Caller caller) {
        this.catalog = catalog;
        this.renamer = renamer;
        this.caller = caller;
    }

    @GET
    public List<DatasetView> list() {
        return catalog.datasets().stream().map(DatasetView::of).toList();
    }

    @GET
    @Path("/{id}")
    public DatasetView get(@PathParam("id") long id) {
        return DatasetView.of(catalog.dataset(id));
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response add(DatasetRequest request, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        var added = catalog.addDataset(Requests.dataset(request), dryRun);
        Planned<DatasetView> planned = new Planned<>(dryRun, List.of("register dataset " + added.ref()),
                DatasetView.of(added));
        return Response.status(dryRun ? 200 : 201).entity(planned).build();
    }

    @PUT
    @Path("/{id}/policy/{policy}")
    @RequiresRole(Role.OPERATOR)
    public Planned<DatasetView> setPolicy(@PathParam("id") long id, @PathParam("policy") String policy,
                                          @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        var d = catalog.setPolicy(id, Requests.policyName(policy), dryRun);
        return new Planned<>(dryRun, List.of("apply policy " + policy + " to " + d.ref()), DatasetView.of(d));
    }

    /**
     * {@code zfs rename} over SSH and the catalog row follows; 409 naming container and slot while the dataset (or
     * one under it) is bind-mounted into a running container, per the pct config of every container of its server.
     */
    @POST
    @Path("/{id}/rename")
    @RequiresRole(Role.OPERATOR)
    public Planned<DatasetView> rename(@PathParam("id") long id, RenameRequest request,
                                       @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        DatasetEntity d = catalog.dataset(id);
        DatasetRename.Result result = renamer.rename(d, request == null ? null : request.name(), dryRun, caller.actor());
        DatasetView was = DatasetView.of(d);
        return new Planned<>(dryRun, result.steps(), new DatasetView(was.id(), was.server(), request.name(),
                was.kind(), was.flavor(), was.scope(), was.policy()));
    }

    @DELETE
    @Path("/{id}")
    @RequiresRole(Role.ADMIN)
    public Planned<Long> remove(@PathParam("id") long id, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        catalog.removeDataset(id, dryRun);
        return new Planned<>(dryRun, List.of("forget dataset " + id + " (nothing is destroyed on the host)"), id);
    }
}
