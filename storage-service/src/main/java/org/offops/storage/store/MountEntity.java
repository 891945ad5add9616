package org.offops.storage.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.offops.platform.fleet.KnownContainer;

/** A dataset bind-mounted into a container at mount point {@code mp<slot>}, as offops configured or adopted it. */
@Entity
@Table(name = "dataset_mount")
public class MountEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long dataset;
    public String container;
    public String server;
    public int vmid;
    public int slot;
    @Column(name = "container_path")
    public String containerPath;
    @Column(name = "host_path")
    public String hostPath;

    /** A row for this mount, not persisted (a dry run shows it as is). */
    public static MountEntity of(long dataset, KnownContainer ct, String hostPath, String containerPath, int slot) {
        MountEntity m = new MountEntity();
        m.dataset = dataset;
        m.container = ct.name;
        m.server = ct.server;
        m.vmid = ct.vmid;
        m.slot = slot;
        m.containerPath = containerPath;
        m.hostPath = hostPath;
        return m;
    }
}
