package org.offops.network.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.offops.network.exec.LinkChecker;
import org.offops.network.store.LinkQueries;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** POST /links/{name}/check: a connection through the tunnel end to end, or stunnel's own error lines. */
@Path("/links/{name}/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class LinkCheckResource {

    private final LinkQueries links;
    private final LinkChecker checker;
    private final Caller caller;

    public LinkCheckResource(LinkQueries links, LinkChecker checker, Caller caller) {
        this.links = links;
        this.checker = checker;
        this.caller = caller;
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public LinkChecker.Outcome check(@PathParam("name") String name) {
        return checker.check(links.existing(name).link(), caller.actor());
    }
}
