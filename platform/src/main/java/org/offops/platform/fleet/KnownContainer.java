package org.offops.platform.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A container as this service last learned it from offops.inventory. */
@Entity
@Table(name = "known_container")
public class KnownContainer extends PanacheEntityBase {
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
    public Integer sshPort;
    @Column(name = "host_key")
    public String hostKey;
    /** Comma-separated unit names, in restart order. */
    public String services;
    @Column(name = "last_event_id")
    public UUID lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
