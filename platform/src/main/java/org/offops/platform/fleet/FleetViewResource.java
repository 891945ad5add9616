package org.offops.platform.fleet;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** Read-only view of what this service knows about the fleet, to check its projection from outside. */
@Path("/fleet-view")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "offops.fleet-view.enabled", stringValue = "true")
public class FleetViewResource {

    /** A known server as served by the API. */
    public record ServerView(String name, String datacenter, String sshHost, Integer sshPort, String role) {
    }

    /** A known container as served by the API. */
    public record ContainerView(String name, int vmid, String server, String kind, String flavor, String internalIp,
                                String sshHost, Integer sshPort, List<String> services) {
    }

    @GET
    @Path("/servers")
    public List<ServerView> servers() {
        return KnownServer.<KnownServer>listAll(Sort.by("name")).stream()
                .map(s -> new ServerView(s.name, s.datacenter, s.sshHost, s.sshPort, s.role))
                .toList();
    }

    @GET
    @Path("/containers")
    public List<ContainerView> containers() {
        return KnownContainer.<KnownContainer>listAll(Sort.by("name")).stream()
                .map(c -> new ContainerView(c.name, c.vmid, c.server, c.kind, c.flavor, c.internalIp, c.sshHost,
                        c.sshPort, c.services.isEmpty() ? List.of() : Arrays.asList(c.services.split(","))))
                .toList();
    }
}
