package org.offops.proxy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The container address a proxy site was last applied with. */
@Entity
@Table(name = "applied_upstream")
public class AppliedUpstreamEntity extends PanacheEntityBase {
    @Id
    public String site;
    public String host;
    public String container;
    public String address;
}
