package org.offops.proxy.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.offops.proxy.exec.HostResult;
import org.offops.proxy.exec.ProxyApplier;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** Re-applies everything offops owns on a host (drift repair, the local stack's first start): operators. */
@Path("/hosts")
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {

    private final ProxyApplier applier;
    private final Caller caller;

    public HostResource(ProxyApplier applier, Caller caller) {
        this.applier = applier;
        this.caller = caller;
    }

    @POST
    @Path("/{host}/apply")
    @RequiresRole(Role.OPERATOR)
    public List<HostResult> apply(@PathParam("host") String host, @QueryParam("dryRun") boolean dryRun) {
        try {
            Names.hostName(host);
        } catch (InvalidNameException e) {
            throw ApiException.badRequest(e.getMessage(), "host");
        }
        return Checks.accepted(List.of(applier.reapply(host, Map.of(), null, caller.actor(), "operator request",
                dryRun)), "host");
    }
}
