package org.offops.deploy.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a deployment ({@code phase} deploy or rollback): its data, state and last attempt's outcome. */
@Entity
@Table(name = "deployment_step")
public class StepRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String phase;
    public int seq;
    public String name;
    public String kind;
    /** The step's arguments as a JSON array. */
    public String args;
    public String state;
    public int attempt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "exit_code")
    public Integer exitCode;
    @Column(name = "output_tail")
    public String outputTail;
}
