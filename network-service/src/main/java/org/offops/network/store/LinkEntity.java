package org.offops.network.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.offops.network.domain.Link;

/** A stored link with its last apply status. */
@Entity
@Table(name = "link")
public class LinkEntity extends PanacheEntityBase {
    @Id
    public String name;
    @Column(name = "client_host")
    public String clientHost;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "client_port")
    public int clientPort;
    @Column(name = "server_host")
    public String serverHost;
    @Column(name = "server_port")
    public int serverPort;
    @Column(name = "target_host")
    public String targetHost;
    @Column(name = "target_port")
    public int targetPort;
    /** pending | configured | failed */
    public String status;
    @Column(name = "status_detail")
    public String statusDetail;
    @Column(name = "config_commit")
    public String configCommit;
    @Column(name = "last_check")
    public String lastCheck;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public Link toLink() {
        return new Link(name, clientHost, clientAddress, clientPort, serverHost, serverPort, targetHost, targetPort);
    }

    void set(Link link) {
        name = link.name();
        clientHost = link.client();
        clientAddress = link.clientAddress();
        clientPort = link.clientPort();
        serverHost = link.server();
        serverPort = link.serverPort();
        targetHost = link.target();
        targetPort = link.targetPort();
        updatedAt = OffsetDateTime.now();
    }
}
