package org.offops.inventory.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.offops.inventory.domain.Datacenter;

/** A datacenter row. */
@Entity
@Table(name = "datacenter")
public class DatacenterEntity extends PanacheEntityBase {
    @Id
    public String name;
    public String description;
    @Version
    public long version;

    public Datacenter toDomain() {
        return new Datacenter(name, description);
    }
}
