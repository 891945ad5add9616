package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownServer;
import org.offops.remote.RemoteHost;

/** Turns a server name into an SSH target pinned to the host key inventory published. */
@ApplicationScoped
public class FleetHosts {

    public RemoteHost server(String name) {
        KnownServer server = KnownServer.findById(name);
        if (server == null || server.sshHost == null) {
            throw ApiException.unprocessable("server " + name + " is not known with an SSH address", "server");
        }
        return new RemoteHost(server.name, server.sshHost, server.sshPort == null ? 22 : server.sshPort, "root",
                server.hostKey);
    }
}
