package org.offops.network.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.offops.network.domain.Link;
import org.offops.network.exec.PskRotator;
import org.offops.network.store.LinkQueries;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** POST /links/{name}/rotate (admin): a new PSK without downtime; the response names the new identity only. */
@Path("/links/{name}/rotate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class LinkRotationResource {

    private final LinkQueries links;
    private final PskRotator rotator;
    private final Caller caller;

    public LinkRotationResource(LinkQueries links, PskRotator rotator, Caller caller) {
        this.links = links;
        this.rotator = rotator;
        this.caller = caller;
    }

    @POST
    @RequiresRole(Role.ADMIN)
    public Map<String, Object> rotate(@PathParam("name") String name,
                                      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        Link link = links.existing(name).link();
        if (dryRun) {
            return Map.of("link", name, "steps", PskRotator.steps(link));
        }
        return Map.of("link", name, "identity", rotator.rotate(link, caller.actor()));
    }
}
