package org.offops.inventory.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.offops.inventory.domain.FleetRules;
import org.offops.inventory.domain.fleet.FleetChange;
import org.offops.inventory.domain.fleet.FleetModel;
import org.offops.inventory.store.FleetImporter;
import org.offops.platform.api.ApiException;
import org.offops.platform.auth.Caller;
import org.offops.platform.auth.RequiresRole;
import org.offops.platform.auth.Role;

/**
 * Imports a fleet file: creates and updates datacenters, flavors, servers and containers in one transaction,
 * reports (never removes) what the file leaves out; {@code ?dryRun=true} returns the same plan and changes nothing.
 */
@Path("/import/fleet")
public class FleetImportResource {

    private final FleetImporter importer;
    private final Caller caller;

    public FleetImportResource(FleetImporter importer, Caller caller) {
        this.importer = importer;
        this.caller = caller;
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public List<FleetChange> importFleet(String yaml, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        FleetModel file = FleetFiles.read(yaml);
        file.datacenters().forEach(d -> check("datacenter", d.name(), FleetRules.check(d)));
        file.flavors().forEach(f -> check("flavor", f.name(), FleetRules.check(f)));
        file.servers().forEach(s -> check("server", s.name(), FleetRules.check(s)));
        file.containers().forEach(c -> check("container", c.name(), FleetRules.check(c)));
        return importer.importFleet(file, dryRun, caller.actor());
    }

    private static void check(String kind, String name, FleetRules.Violation violation) {
        if (violation != null) {
            throw ApiException.badRequest(kind + " " + name + ": " + violation.message(),
                    kind + "s[" + name + "]." + violation.field());
        }
    }
}
