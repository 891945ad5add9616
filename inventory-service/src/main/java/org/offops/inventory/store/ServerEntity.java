package org.offops.inventory.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.offops.events.inventory.ServerState;

/** A Proxmox host row; {@code version} backs the API's ETag. */
@Entity
@Table(name = "server")
public class ServerEntity extends PanacheEntityBase {
    @Id
    public String name;
    public String datacenter;
    @Column(name = "ssh_host")
    public String sshHost;
    @Column(name = "ssh_port")
    public int sshPort;
    @Column(name = "host_key")
    public String hostKey;
    public String role;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public ServerState toState() {
        return new ServerState(name, datacenter, sshHost, sshPort, hostKey, role);
    }

    public void apply(ServerState state) {
        name = state.name();
        datacenter = state.datacenter();
        sshHost = state.sshHost();
        sshPort = state.sshPort();
        hostKey = state.hostKey();
        role = state.role();
        updatedAt = OffsetDateTime.now();
    }
}
