package org.offops.inventory.api.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.offops.inventory.domain.audit.FleetView;
import org.offops.inventory.store.audit.FleetViewReader;

/**
 * The fleet as the bus tells it (viewer): per container its flavor, current release and last deployment; per dataset
 * its newest snapshot and how far each replication target lags behind. Built only from events.
 */
@Path("/fleet")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {

    private final FleetViewReader reader;

    public FleetResource(FleetViewReader reader) {
        this.reader = reader;
    }

    @GET
    public FleetView fleet() {
        return reader.read(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }
}
