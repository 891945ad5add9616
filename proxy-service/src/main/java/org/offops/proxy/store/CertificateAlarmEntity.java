package org.offops.proxy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An expiry already alarmed ({@code id} = site + notAfter): a renewed certificate alarms again, the same one not. */
@Entity
@Table(name = "certificate_alarm")
public class CertificateAlarmEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String site;
    @Column(name = "not_after")
    public OffsetDateTime notAfter;
    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;
}
