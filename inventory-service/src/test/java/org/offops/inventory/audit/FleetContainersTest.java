package org.offops.inventory.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.offops.inventory.audit.AuditTestEvents.awaitStored;
import static org.offops.inventory.audit.AuditTestEvents.event;
import static org.offops.inventory.audit.AuditTestEvents.fleet;
import static org.offops.inventory.audit.AuditTestEvents.publish;
import static org.offops.inventory.audit.AuditTestEvents.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.events.EventEnvelope;
import org.offops.events.deploy.DeploymentFailed;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.testkit.OffopsTestResource;

/** GET /fleet containers from events alone; late and repeated events must not move a container backwards. */
@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class FleetContainersTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private static ContainerState container(String name, String flavor, int vmid) {
        return new ContainerState(vmid, name, "off2", "app", flavor, "10.1.0." + (vmid % 250), "off2.example.org", 22,
                List.of("apache2", "nginx"), null);
    }

    @Test
    void fleetViewShowsReleaseAndLastDeployPerContainer() {
        String name = unique("off");
        String subject = "container/" + name;
        EventEnvelope registered = publish(event(subject, null, "token:ops", NOW.minusHours(3),
                new ContainerRegistered(container(name, "off", 113))));
        EventEnvelope succeeded = event(subject, null, "scheduler", NOW.minusHours(2),
                new DeploymentSucceeded("d2", name, "off", "v2.57.0", 180_000L));
        EventEnvelope failed = event(subject, null, "scheduler", NOW.minusHours(1),
                new DeploymentFailed("d3", name, "off", "v2.58.0", "migrate", "exit 2"));
        EventEnvelope olderSuccess = event(subject, null, "scheduler", NOW.minusHours(2).minusMinutes(30),
                new DeploymentSucceeded("d1", name, "off", "v2.56.0", 170_000L));
        EventEnvelope olderUpdate = event(subject, null, "token:ops", NOW.minusHours(4),
                new ContainerUpdated(container(name, "obf", 999)));
        String goneName = unique("obf");
        String gone = "container/" + goneName;
        EventEnvelope goneRegistered = publish(event(gone, null, "token:ops", NOW.minusHours(3),
                new ContainerRegistered(container(goneName, "obf", 114))));
        EventEnvelope removed = event(gone, null, "token:ops", NOW.minusHours(1), new ContainerRemoved(goneName, "off2"));
        EventEnvelope lateUpdate = event(gone, null, "token:ops", NOW.minusHours(2),
                new ContainerUpdated(container(goneName, "obf", 114)));
        // Newest first, then the late ones, then a redelivery: none of it may move a container backwards.
        List<EventEnvelope> all = List.of(registered, publish(failed), publish(succeeded), publish(olderSuccess),
                publish(olderUpdate), publish(succeeded), goneRegistered, publish(removed), publish(lateUpdate));
        awaitStored(all);

        JsonPath c = fleet("containers", "name", name);
        assertEquals("off", c.getString("flavor"));
        assertEquals(113, c.getInt("vmid"));
        assertEquals("v2.57.0", c.getString("release"));
        assertEquals("failed", c.getString("lastDeploy.result"));
        assertEquals("v2.58.0", c.getString("lastDeploy.tag"));
        assertEquals("d3", c.getString("lastDeploy.deploymentId"));
        assertEquals(NOW.minusHours(1).toInstant(), OffsetDateTime.parse(c.getString("lastDeploy.time")).toInstant());
        assertNull(fleet("containers", "name", goneName).get("name"), "a removed container stays removed");
    }
}
