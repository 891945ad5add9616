package org.offops.storage.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.offops.storage.domain.route.DatasetRef;

/** A ZFS dataset on a server, with its kind, flavor, scope and (optional) snapshot policy. */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String server;
    public String name;
    public String kind;
    public String flavor;
    public String scope;
    public String policy;
    @Version
    public long version;

    public DatasetRef ref() {
        return new DatasetRef(server, name);
    }

    public static java.util.Optional<DatasetEntity> byRef(DatasetRef ref) {
        return find("server = ?1 and name = ?2", ref.server(), ref.dataset()).firstResultOptional();
    }
}
