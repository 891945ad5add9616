package org.offops.proxy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.offops.events.inventory.ContainerState;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownContainer;
import org.offops.platform.fleet.KnownServer;
import org.offops.remote.RemoteHost;

/** Where the proxy hosts and the upstream containers are, from this service's fleet view (keys pinned there). */
@ApplicationScoped
public class ProxyHosts {

    private final ProxySettings settings;

    public ProxyHosts(ProxySettings settings) {
        this.settings = settings;
    }

    /** A host offops reaches over SSH: a container (the proxy) or a server (the images host). */
    public record Target(RemoteHost remote, String address) {
    }

    @Transactional
    public Target target(String host) {
        KnownContainer container = KnownContainer.findById(host);
        if (container != null && container.sshHost != null) {
            return new Target(new RemoteHost(host, container.sshHost, port(container.sshPort), "root",
                    container.hostKey), container.sshHost);
        }
        KnownServer server = KnownServer.findById(host);
        if (server != null && server.sshHost != null) {
            return new Target(new RemoteHost(host, server.sshHost, port(server.sshPort), "root", server.hostKey),
                    server.sshHost);
        }
        throw ApiException.unprocessable("host " + host + " is not in this service's fleet view", "host");
    }

    /**
     * The address the proxy forwards {@code container}'s traffic to; {@code moved} holds states newer than the
     * fleet view (an inventory event being handled right now).
     */
    @Transactional
    public String upstream(String container, Map<String, ContainerState> moved) {
        ContainerState newer = moved.get(container);
        if (newer != null) {
            return pick(newer.internalIp(), newer.sshHost(), container);
        }
        KnownContainer known = KnownContainer.findById(container);
        if (known == null) {
            throw ApiException.unprocessable("container " + container + " is not in this service's fleet view",
                    "container");
        }
        return pick(known.internalIp, known.sshHost, container);
    }

    private String pick(String internalIp, String sshHost, String container) {
        String address = settings.upstreamAddress() == ProxySettings.UpstreamAddress.INTERNAL_IP ? internalIp : sshHost;
        if (address == null) {
            throw ApiException.unprocessable("container " + container + " has no " + settings.upstreamAddress()
                    + " address", "container");
        }
        return address;
    }

    private static int port(Integer port) {
        return port == null ? 22 : port;
    }
}
