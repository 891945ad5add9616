package org.offops.inventory.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import org.offops.events.inventory.ContainerState;

/** An LXC container row; services are stored comma-separated in restart order, the Proxmox config as raw text. */
@Entity
@Table(name = "container")
public class ContainerEntity extends PanacheEntityBase {
    @Id
    public String name;
    public int vmid;
    public String server;
    public String kind;
    public String flavor;
    @Column(name = "internal_ip")
    public String internalIp;
    @Column(name = "ssh_host")
    public String sshHost;
    @Column(name = "ssh_port")
    public int sshPort;
    @Column(name = "host_key")
    public String hostKey;
    public String services;
    @Column(name = "lxc_config")
    public String lxcConfig;
    @Version
    public long version;

    public ContainerState toState() {
        return new ContainerState(vmid, name, server, kind, flavor, internalIp, sshHost, sshPort,
                services.isEmpty() ? List.of() : Arrays.asList(services.split(",")), hostKey);
    }

    public void apply(ContainerState state) {
        name = state.name();
        vmid = state.vmid();
        server = state.server();
        kind = state.kind();
        flavor = state.flavor();
        internalIp = state.internalIp();
        sshHost = state.sshHost();
        sshPort = state.sshPort();
        hostKey = state.hostKey();
        services = String.join(",", state.services());
    }
}
