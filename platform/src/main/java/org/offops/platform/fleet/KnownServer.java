package org.offops.platform.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A server as this service last learned it from offops.inventory. */
@Entity
@Table(name = "known_server")
public class KnownServer extends PanacheEntityBase {
    @Id
    public String name;
    public String datacenter;
    @Column(name = "ssh_host")
    public String sshHost;
    @Column(name = "ssh_port")
    public Integer sshPort;
    @Column(name = "host_key")
    public String hostKey;
    public String role;
    @Column(name = "last_event_id")
    public UUID lastEventId;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
