package org.offops.storage.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.offops.storage.store.ReplicationStatus;

/** Replication lag per route and snapshot counts per dataset, with alarms at production's thresholds. */
@Path("/replication")
@Produces(MediaType.APPLICATION_JSON)
public class ReplicationResource {

    private final ReplicationStatus status;

    public ReplicationResource(ReplicationStatus status) {
        this.status = status;
    }

    @GET
    public ReplicationStatus.Report report() {
        return status.report(Instant.now());
    }
}
