package org.offops.inventory.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.offops.inventory.domain.Datacenter;
import org.offops.inventory.domain.Flavor;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;

/** Datacenters and flavors: reference data that containers and servers point at (no events of their own). */
@ApplicationScoped
public class CatalogRegistry {

    public List<DatacenterEntity> datacenters(Paging page) {
        return DatacenterEntity.<DatacenterEntity>findAll(Sort.by("name")).range(page.offset(), page.last()).list();
    }

    public Optional<DatacenterEntity> datacenter(String name) {
        return DatacenterEntity.findByIdOptional(name);
    }

    @Transactional
    public DatacenterEntity putDatacenter(Datacenter dc, Long expectedVersion) {
        DatacenterEntity row = DatacenterEntity.findById(dc.name());
        if (row == null) {
            row = new DatacenterEntity();
            row.name = dc.name();
            row.description = dc.description();
            row.persist();
            return row;
        }
        requireVersion(expectedVersion, row.version, "datacenter " + dc.name());
        row.description = dc.description();
        return row;
    }

    @Transactional
    public void removeDatacenter(String name) {
        if (ServerEntity.count("datacenter", name) > 0) {
            throw ApiException.conflict("datacenter " + name + " still has servers", "name");
        }
        if (!DatacenterEntity.deleteById(name)) {
            throw ApiException.notFound("no datacenter " + name);
        }
    }

    public List<FlavorEntity> flavors(Paging page) {
        return FlavorEntity.<FlavorEntity>findAll(Sort.by("name")).range(page.offset(), page.last()).list();
    }

    public Optional<FlavorEntity> flavor(String name) {
        return FlavorEntity.findByIdOptional(name);
    }

    @Transactional
    public FlavorEntity putFlavor(Flavor flavor, Long expectedVersion) {
        FlavorEntity row = FlavorEntity.findById(flavor.name());
        if (row == null) {
            row = new FlavorEntity();
            row.apply(flavor);
            row.persist();
            return row;
        }
        requireVersion(expectedVersion, row.version, "flavor " + flavor.name());
        row.apply(flavor);
        return row;
    }

    @Transactional
    public void removeFlavor(String name) {
        if (ContainerEntity.count("flavor", name) > 0) {
            throw ApiException.conflict("flavor " + name + " is still used by containers", "name");
        }
        if (!FlavorEntity.deleteById(name)) {
            throw ApiException.notFound("no flavor " + name);
        }
    }

    /** Creating needs no version; replacing an existing row needs the one the caller read. */
    private static void requireVersion(Long expected, long current, String what) {
        if (expected == null) {
            throw ApiException.conflict(what + " already exists; replace it with If-Match", "name");
        }
        Versions.requireMatch(expected, current, what);
    }
}
