package org.offops.storage.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.store.StorageCatalog;

/** REST API for named snapshot policies (sanoid templates). */
@Path("/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /** A policy by name. */
    public record PolicyView(String name, SnapshotPolicy policy) {
    }

    private final StorageCatalog catalog;

    public PolicyResource(StorageCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<PolicyView> list() {
        return catalog.policies().stream().map(p -> new PolicyView(p.name, p.toPolicy())).toList();
    }

    @PUT
    @Path("/{name}")
    @RequiresRole(Role.OPERATOR)
    public Planned<PolicyView> put(@PathParam("name") String name, PolicyRequest request,
                                   @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        SnapshotPolicy policy = Requests.policy(request);
        var saved = catalog.putPolicy(Requests.policyName(name), policy, dryRun);
        return new Planned<>(dryRun, List.of("set policy " + name), new PolicyView(saved.name, saved.toPolicy()));
    }
}
