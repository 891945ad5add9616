package org.offops.proxy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A file as offops last applied it to a host ({@code id} = host + path); {@code driftSha256}: drift last reported. */
@Entity
@Table(name = "applied_file")
public class AppliedFileEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String host;
    public String path;
    public String site;
    public String content;
    public String sha256;
    @Column(name = "commit_id")
    public String commitId;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
    @Column(name = "drift_sha256")
    public String driftSha256;

    static String key(String host, String path) {
        return host + ":" + path;
    }
}
