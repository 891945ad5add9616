package org.offops.proxy.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.offops.proxy.domain.BanTargets;
import org.offops.proxy.domain.Fail2banRenderer;
import org.offops.proxy.domain.JailStatus;
import org.offops.proxy.exec.Bans;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/** Manual bans in fail2ban on every proxy host (operators), and the current bans of every jail (viewers). */
@Path("/bans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BanResource {

    private static final Pattern JAIL = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    /** A ban to make; the jail defaults to the manual-ban jail. */
    public record BanRequest(String ip, String jail) {
    }

    /** A ban made (or, in a dry run, to be made) on these hosts. */
    public record BanResponse(String ip, String jail, List<String> hosts, boolean dryRun) {
    }

    private final Bans bans;
    private final Caller caller;

    public BanResource(Bans bans, Caller caller) {
        this.bans = bans;
        this.caller = caller;
    }

    @GET
    public List<JailStatus> list() {
        return bans.list();
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    public BanResponse ban(BanRequest request, @QueryParam("dryRun") boolean dryRun) {
        Checks.requireBody(request);
        String ip = address(request.ip());
        String jail = request.jail() == null ? Fail2banRenderer.MANUAL_BAN_JAIL : request.jail();
        if (!JAIL.matcher(jail).matches()) {
            throw ApiException.badRequest("jail must match " + JAIL, "jail");
        }
        if (!dryRun) {
            bans.ban(ip, jail, caller.actor());
        }
        return new BanResponse(ip, jail, bans.proxyHosts(), dryRun);
    }

    @DELETE
    @Path("/{ip}")
    @RequiresRole(Role.OPERATOR)
    public BanResponse unban(@PathParam("ip") String ip, @QueryParam("dryRun") boolean dryRun) {
        address(ip);
        String jail = dryRun ? Fail2banRenderer.MANUAL_BAN_JAIL : bans.unban(ip, caller.actor());
        return new BanResponse(ip, jail, bans.proxyHosts(), dryRun);
    }

    private static String address(String ip) {
        if (!BanTargets.isAddress(ip)) {
            throw ApiException.badRequest("ip must be one IPv4 or IPv6 address", "ip");
        }
        return ip;
    }
}
