package org.offops.storage.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A staging clone rule: {@code cloneName} follows the newest {@code period} snapshot of the origin dataset. */
@Entity
@Table(name = "clone_rule")
public class CloneRuleEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "origin_dataset")
    public long originDataset;
    @Column(name = "clone_name")
    public String cloneName;
    public String period;
    /** The origin snapshot ({@code dataset@name}) the clone was last recorded on. */
    @Column(name = "origin_snapshot")
    public String originSnapshot;
    /** The snapshot a refresh in progress (or cut) clones; protected from pruning like the origin. */
    @Column(name = "pending_snapshot")
    public String pendingSnapshot;
    public String state;
    public String note;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
