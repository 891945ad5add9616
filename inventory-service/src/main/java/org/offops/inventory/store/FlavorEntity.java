package org.offops.inventory.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import org.offops.inventory.domain.Flavor;

/** A flavor row; domains are stored comma-separated. */
@Entity
@Table(name = "flavor")
public class FlavorEntity extends PanacheEntityBase {
    @Id
    public String name;
    public String repository;
    @Column(name = "code_path")
    public String codePath;
    @Column(name = "static_path")
    public String staticPath;
    public String domains;
    public String platform;
    @Version
    public long version;

    public Flavor toDomain() {
        return new Flavor(name, repository, codePath, staticPath,
                domains.isEmpty() ? List.of() : Arrays.asList(domains.split(",")), platform);
    }

    public void apply(Flavor flavor) {
        name = flavor.name();
        repository = flavor.repository();
        codePath = flavor.codePath();
        staticPath = flavor.staticPath();
        domains = String.join(",", flavor.domains());
        platform = flavor.platform();
    }
}
