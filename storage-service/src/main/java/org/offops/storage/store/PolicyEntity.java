package org.offops.storage.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Map;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/** A named sanoid policy (a template): counts per period and the sanoid toggles. */
@Entity
@Table(name = "snapshot_policy")
public class PolicyEntity extends PanacheEntityBase {
    @Id
    public String name;
    @Column(name = "frequent_period")
    public int frequentPeriod;
    public int frequently;
    public int hourly;
    public int daily;
    public int weekly;
    public int monthly;
    public int yearly;
    public boolean autosnap;
    public boolean autoprune;
    public boolean recursive;
    @Column(name = "children_only")
    public boolean childrenOnly;
    @Version
    public long version;

    public SnapshotPolicy toPolicy() {
        return new SnapshotPolicy(frequentPeriod, Map.of(Period.FREQUENTLY, frequently, Period.HOURLY, hourly,
                Period.DAILY, daily, Period.WEEKLY, weekly, Period.MONTHLY, monthly, Period.YEARLY, yearly), autosnap,
                autoprune, recursive, childrenOnly);
    }

    public void apply(SnapshotPolicy p) {
        frequentPeriod = p.frequentPeriod();
        frequently = p.count(Period.FREQUENTLY);
        hourly = p.count(Period.HOURLY);
        daily = p.count(Period.DAILY);
        weekly = p.count(Period.WEEKLY);
        monthly = p.count(Period.MONTHLY);
        yearly = p.count(Period.YEARLY);
        autosnap = p.autosnap();
        autoprune = p.autoprune();
        recursive = p.recursive();
        childrenOnly = p.processChildrenOnly();
    }
}
