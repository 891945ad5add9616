package org.offops.storage.api;

import jakarta.ws.rs.Consumes;
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
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.PrunePlan;
import org.offops.storage.domain.snapshot.Snapshot;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.exec.SnapshotRunner;
import org.offops.storage.exec.ZfsCommands;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.PolicyEntity;
import org.offops.storage.store.ReplicationStatus;
import org.offops.storage.store.SnapshotLedger;
import org.offops.storage.store.StorageCatalog;

/** A dataset's snapshots: list, take one by hand (operator), and prune by policy (dry run shows the plan). */
@Path("/datasets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    /** A manual snapshot request; {@code period} names it like sanoid (default hourly). */
    public record TakeRequest(String period) {
    }

    private final StorageCatalog catalog;
    private final SnapshotLedger ledger;
    private final SnapshotRunner runner;
    private final ReplicationStatus status;
    private final Caller caller;

    public SnapshotResource(StorageCatalog catalog, SnapshotLedger ledger, SnapshotRunner runner,
                            ReplicationStatus status, Caller caller) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.runner = runner;
        this.status = status;
        this.caller = caller;
    }

    @GET
    @Path("/snapshots")
    public List<Snapshot> list(@PathParam("id") long id, @QueryParam("refresh") @DefaultValue("false") boolean refresh) {
        DatasetEntity d = catalog.dataset(id);
        return refresh ? runner.refresh(d) : ledger.snapshots(d.id);
    }

    @POST
    @Path("/snapshots")
    @RequiresRole(Role.OPERATOR)
    public Response take(@PathParam("id") long id, TakeRequest request,
                         @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        DatasetEntity d = catalog.dataset(id);
        String label = request == null || request.period() == null ? "hourly" : request.period();
        Period period = Period.ofLabel(label)
                .orElseThrow(() -> ApiException.badRequest("unknown period " + label, "period"));
        String name = runner.nameFor(period);
        List<String> steps = List.of("on " + d.server + ": " + ZfsCommands.snapshot(d.name, name).toShellLine(),
                "SnapshotTaken, then every route from " + d.ref() + " pulls it");
        if (dryRun) {
            return Response.ok(new Planned<>(true, steps, name)).build();
        }
        var envelope = runner.take(d, period, null, caller.actor());
        return Response.status(201).entity(new Planned<>(false, steps, envelope.data().get("snapshot").asText()))
                .build();
    }

    @POST
    @Path("/prune")
    @RequiresRole(Role.OPERATOR)
    public Planned<PrunePlan> prune(@PathParam("id") long id,
                                    @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        DatasetEntity d = catalog.dataset(id);
        if (d.policy == null) {
            throw ApiException.unprocessable("dataset " + d.ref() + " has no snapshot policy", "policy");
        }
        SnapshotPolicy policy = PolicyEntity.<PolicyEntity>findById(d.policy).toPolicy();
        List<Snapshot> onHost = runner.refresh(d);
        PrunePlan plan = runner.plan(d, policy, onHost, status.newestCommon(d));
        List<String> steps = plan.destroy().stream()
                .map(s -> "on " + d.server + ": " + ZfsCommands.destroy(d.name, s.snapshot()).toShellLine()).toList();
        if (!dryRun) {
            runner.prune(d, plan, null, caller.actor());
        }
        return new Planned<>(dryRun, steps, plan);
    }
}
