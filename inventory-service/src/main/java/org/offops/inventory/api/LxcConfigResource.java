package org.offops.inventory.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import org.offops.inventory.domain.lxc.LxcConfig;
import org.offops.inventory.domain.lxc.LxcConfigException;
import org.offops.inventory.domain.lxc.LxcConfigParser;
import org.offops.inventory.exec.PveConfigReader;
import org.offops.inventory.store.LxcConfigStore;
import org.offops.inventory.store.ServerEntity;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;
import org.offops.remote.RemoteHost;

/**
 * Proxmox container configs: held per container (import, export), and compared with {@code /etc/pve/lxc} on a
 * live server, which cannot be symlinked into git and is otherwise copied by hand.
 */
@Path("/lxc")
public class LxcConfigResource {

    private final LxcConfigStore store;
    private final PveConfigReader live;

    public LxcConfigResource(LxcConfigStore store, PveConfigReader live) {
        this.store = store;
        this.live = live;
    }

    @GET
    @Path("containers/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String export(@PathParam("name") String name) {
        return store.held(name).orElseThrow(() -> ApiException.notFound("no Proxmox config is held for " + name));
    }

    @PUT
    @Path("containers/{name}")
    @Consumes(MediaType.TEXT_PLAIN)
    @RequiresRole(Role.OPERATOR)
    public void hold(@PathParam("name") String name, String text) {
        store.hold(name, parse(text));
    }

    /** Compares (and with {@code dryRun=false} imports) the live configs of a server's containers. */
    @POST
    @Path("servers/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public List<LxcConfigStore.Drift> importLive(@PathParam("name") String server,
                                                 @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return store.compare(server, new HashMap<>(live.read(host(server))), !dryRun);
    }

    @GET
    @Path("servers/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<LxcConfigStore.Drift> drift(@PathParam("name") String server) {
        return store.compare(server, new HashMap<>(live.read(host(server))), false);
    }

    private static RemoteHost host(String server) {
        ServerEntity row = ServerEntity.findById(server);
        if (row == null) {
            throw ApiException.notFound("no server " + server);
        }
        if (row.hostKey == null) {
            throw ApiException.unprocessable("server " + server + " has no pinned host key; set hostKey first",
                    "hostKey");
        }
        return new RemoteHost(row.name, row.sshHost, row.sshPort, "root", row.hostKey);
    }

    private static LxcConfig parse(String text) {
        try {
            return LxcConfigParser.parse(text == null ? "" : text);
        } catch (LxcConfigException e) {
            throw ApiException.badRequest("line " + e.lineNumber() + ": " + e.reason(), "body");
        }
    }
}
