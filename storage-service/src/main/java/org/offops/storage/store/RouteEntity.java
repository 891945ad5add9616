package org.offops.storage.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A replication route: the target dataset's server pulls the source dataset with syncoid semantics. */
@Entity
@Table(name = "replication_route")
public class RouteEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "source_dataset")
    public long sourceDataset;
    @Column(name = "target_dataset")
    public long targetDataset;
    public boolean recursive;
    public String options;
}
