package org.offops.storage.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.offops.platform.api.ApiException;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.storage.store.StorageModel;
import org.offops.storage.store.ServerConfigStatus;

/** A server's rendered sanoid.conf and syncoid-args.conf, and the infrastructure git commit that last recorded them. */
@Path("/servers")
@Produces(MediaType.APPLICATION_JSON)
public class ServerConfigResource {

    private final StorageModel model;

    public ServerConfigResource(StorageModel model) {
        this.model = model;
    }

    @GET
    @Path("/{server}/config")
    public ServerConfigStatus config(@PathParam("server") String server) {
        try {
            Names.hostName(server);
        } catch (InvalidNameException e) {
            throw ApiException.badRequest(e.getMessage(), "server");
        }
        return model.configStatus(server).orElseThrow(() -> ApiException.notFound("no server " + server
                + " (not in the inventory and no datasets)"));
    }
}
