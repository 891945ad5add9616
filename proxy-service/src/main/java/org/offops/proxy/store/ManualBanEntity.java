package org.offops.proxy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A ban an operator made through the API: who and when (fail2ban holds the ban itself). */
@Entity
@Table(name = "manual_ban")
public class ManualBanEntity extends PanacheEntityBase {
    @Id
    public String ip;
    public String jail;
    public String actor;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
