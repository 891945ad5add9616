package org.offops.proxy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A site row: its validated spec as JSON, and the host whose nginx serves it (for per-host rendering). */
@Entity
@Table(name = "site")
public class SiteEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String host;
    public String spec;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
