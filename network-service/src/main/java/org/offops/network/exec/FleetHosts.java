package org.offops.network.exec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownContainer;
import org.offops.platform.fleet.KnownServer;
import org.offops.remote.RemoteHost;

/**
 * The hosts of links as this service's fleet view knows them: where to SSH (pinned key) and the address other hosts
 * reach them at (the host's own address, which the fleet-in-a-box gives each host on loopback).
 */
@ApplicationScoped
public class FleetHosts {

    @Transactional
    public RemoteHost remote(String name) {
        KnownServer server = KnownServer.findById(name);
        if (server != null) {
            return new RemoteHost(name, server.sshHost, port(server.sshPort), "root", server.hostKey);
        }
        KnownContainer container = KnownContainer.findById(name);
        if (container != null) {
            return new RemoteHost(name, container.sshHost, port(container.sshPort), "root", container.hostKey);
        }
        throw ApiException.unprocessable("host " + name + " is not in the fleet view (offops.inventory)", "host");
    }

    /** Address by host name for every given host; refuses a host the fleet view does not know. */
    @Transactional
    public Map<String, String> addresses(Collection<String> names) {
        Map<String, String> addresses = new TreeMap<>();
        names.forEach(name -> addresses.put(name, remote(name).address()));
        return addresses;
    }

    private static int port(Integer port) {
        return port == null ? 22 : port;
    }
}
