package org.offops.proxy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.offops.proxy.domain.BotRule;
import org.offops.proxy.domain.BotRuleRules;
import org.offops.proxy.domain.ConfigChange;
import org.offops.proxy.exec.ProxyApplier;
import org.offops.proxy.store.ProxyStore;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Versions;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** Bot rules (fail2ban jails + filters on every proxy host): viewers read, operators write, admins delete. */
@Path("/bot-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BotRuleResource {

    private final ProxyStore store;
    private final ProxyApplier applier;
    private final Caller caller;

    public BotRuleResource(ProxyStore store, ProxyApplier applier, Caller caller) {
        this.store = store;
        this.applier = applier;
        this.caller = caller;
    }

    @GET
    public List<BotRule> list() {
        return store.rules().stream().map(ProxyStore.Versioned::value).toList();
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        ProxyStore.Versioned<BotRule> rule = find(name);
        return Response.ok(rule.value()).tag(Versions.etag(rule.version())).build();
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public Response create(BotRule rule, @QueryParam("dryRun") boolean dryRun) {
        valid(rule);
        ChangeResponse response = change(new ConfigChange.PutRule(rule, null), dryRun, rule);
        if (dryRun) {
            return Response.ok(response).build();
        }
        return Response.created(URI.create("/bot-rules/" + rule.name())).entity(response)
                .tag(Versions.etag(find(rule.name()).version())).build();
    }

    @PUT
    @Path("/{name}")
    @RequiresRole(Role.OPERATOR)
    public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, BotRule rule,
                           @QueryParam("dryRun") boolean dryRun) {
        long expected = Versions.expected(ifMatch);
        valid(rule);
        Checks.requireSame("name", name, rule.name());
        ChangeResponse response = change(new ConfigChange.PutRule(rule, expected), dryRun, rule);
        return dryRun ? Response.ok(response).build()
                : Response.ok(response).tag(Versions.etag(find(name).version())).build();
    }

    @DELETE
    @Path("/{name}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
                           @QueryParam("dryRun") boolean dryRun) {
        long expected = Versions.expected(ifMatch);
        find(name);
        return Response.ok(change(new ConfigChange.DeleteRule(name, expected), dryRun, name)).build();
    }

    private ChangeResponse change(ConfigChange change, boolean dryRun, Object subject) {
        return new ChangeResponse(dryRun, subject,
                Checks.accepted(applier.change(change, dryRun, caller.actor()), "botRule"));
    }

    private static void valid(BotRule rule) {
        Checks.requireBody(rule);
        Checks.valid(BotRuleRules.check(rule));
    }

    private ProxyStore.Versioned<BotRule> find(String name) {
        return store.rule(name).orElseThrow(() -> ApiException.notFound("no bot rule " + name));
    }
}
