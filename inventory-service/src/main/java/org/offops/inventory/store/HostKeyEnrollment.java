package org.offops.inventory.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ServerState;

/** Pins the SSH host keys of provisioned hosts (servers or containers, by name) in one transaction. */
@ApplicationScoped
public class HostKeyEnrollment {

    /** What happened to one host's key: pinned (new or changed), unchanged, or unknown host. */
    public record Enrolled(String host, String outcome) {
    }

    private final ServerRegistry servers;
    private final ContainerRegistry containers;

    public HostKeyEnrollment(ServerRegistry servers, ContainerRegistry containers) {
        this.servers = servers;
        this.containers = containers;
    }

    @Transactional
    public List<Enrolled> enroll(Map<String, String> fingerprints, String actor) {
        List<Enrolled> report = new ArrayList<>();
        fingerprints.forEach((host, key) -> report.add(new Enrolled(host, pin(host, key, actor))));
        return report;
    }

    private String pin(String host, String key, String actor) {
        ServerEntity server = ServerEntity.findById(host);
        if (server != null) {
            if (key.equals(server.hostKey)) {
                return "unchanged";
            }
            ServerState s = server.toState();
            servers.update(host, server.version, new ServerState(s.name(), s.datacenter(), s.sshHost(), s.sshPort(),
                    key, s.role()), actor);
            return "pinned";
        }
        ContainerEntity container = ContainerEntity.findById(host);
        if (container != null) {
            if (key.equals(container.hostKey)) {
                return "unchanged";
            }
            ContainerState c = container.toState();
            containers.update(host, container.version, new ContainerState(c.vmid(), c.name(), c.server(), c.kind(),
                    c.flavor(), c.internalIp(), c.sshHost(), c.sshPort(), c.services(), key), actor);
            return "pinned";
        }
        return "unknown host";
    }
}
