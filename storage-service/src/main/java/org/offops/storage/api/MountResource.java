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
import org.offops.platform.fleet.KnownContainer;
import org.offops.storage.domain.mount.MountPlan;
import org.offops.storage.exec.MountChanges;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.MountCatalog;
import org.offops.storage.store.MountEntity;

/** Container bind mounts: list (viewer), add with the Proxmox syntax (operator), remove (admin); all dry-runnable. */
@Path("/mounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MountResource {

    private final MountCatalog mounts;
    private final MountChanges changes;
    private final Caller caller;

    public MountResource(MountCatalog mounts, MountChanges changes, Caller caller) {
        this.mounts = mounts;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    public List<MountView> list() {
        return mounts.mounts().stream().map(m -> MountView.of(m, DatasetEntity.findById(m.dataset))).toList();
    }

    @GET
    @Path("/{id}")
    public MountView get(@PathParam("id") long id) {
        MountEntity m = mounts.mount(id);
        return MountView.of(m, DatasetEntity.findById(m.dataset));
    }

    /** 201 when offops starts tracking the mount, 200 when it already did (nothing changes) or for a dry run. */
    @POST
    @RequiresRole(Role.OPERATOR)
    public Response add(MountRequest request, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (request == null) {
            throw ApiException.badRequest("a JSON body is required", "body");
        }
        request.validated();
        DatasetEntity d = DatasetEntity.findById(request.dataset());
        if (d == null) {
            throw ApiException.unprocessable("no dataset " + request.dataset(), "dataset");
        }
        KnownContainer ct = MountChanges.container(request.container(), d.server);
        String path = request.pathFor(d.flavor, ct.flavor, d.kind);
        MountChanges.Outcome done = changes.add(d, ct, path, dryRun, caller.actor());
        return Response.status(done.created() ? 201 : 200).entity(planned(dryRun, done, d)).build();
    }

    @DELETE
    @Path("/{id}")
    @RequiresRole(Role.ADMIN)
    public Planned<MountView.Change> remove(@PathParam("id") long id,
                                            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        MountEntity m = mounts.mount(id);
        KnownContainer ct = MountChanges.container(m.container, m.server);
        return planned(dryRun, changes.remove(m, ct, dryRun, caller.actor()), DatasetEntity.findById(m.dataset));
    }

    private static Planned<MountView.Change> planned(boolean dryRun, MountChanges.Outcome done, DatasetEntity d) {
        MountPlan plan = done.plan();
        return new Planned<>(dryRun, done.steps(), new MountView.Change(MountView.of(done.mount(), d),
                plan.outcome().name(), plan.rebootRequired(), plan.notes(), done.correlationId()));
    }
}
