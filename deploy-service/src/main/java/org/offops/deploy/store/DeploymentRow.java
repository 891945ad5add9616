package org.offops.deploy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A deployment of one release to one container, with what a rollback returns to. */
@Entity
@Table(name = "deployment")
public class DeploymentRow extends PanacheEntityBase {
    @Id
    public UUID id;
    public String repository;
    @Column(name = "release_event_id")
    public UUID releaseEventId;
    public String flavor;
    public String container;
    public String server;
    public String tag;
    @Column(name = "asset_url")
    public String assetUrl;
    @Column(name = "previous_tag")
    public String previousTag;
    @Column(name = "previous_static")
    public String previousStatic;
    public String state;
    /** Whether DeploymentStarted was published (it carries the previous tag, read by the first remote step). */
    public boolean announced;
    @Column(name = "failed_step")
    public String failedStep;
    public String error;
    @Column(name = "correlation_id")
    public String correlationId;
    public String actor;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Version
    public long version;

    public String subject() {
        return "deployment/" + container + "/" + id;
    }
}
