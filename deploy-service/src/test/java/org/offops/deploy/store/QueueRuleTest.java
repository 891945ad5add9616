package org.offops.deploy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.offops.deploy.domain.StepKind;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.domain.plan.Step;
import org.offops.testkit.OffopsTestResource;

/**
 * One deployment at a time per container: a newer release queued for a container supersedes an older one still
 * waiting, and a container with a running deployment gets no second one until it ends (the database holds it too).
 */
@QuarkusTest
@TestProfile(QueueRuleTest.NoDispatch.class)
@WithTestResource(OffopsTestResource.class)
class QueueRuleTest {

    /** This instance only queues: the test hands deployments out itself. */
    public static class NoDispatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("offops.deploy.dispatch", "false");
        }
    }

    @Inject
    DeploymentQueue queue;

    private DeploymentRow queued(String container, String tag) {
        Plan plan = new Plan(container, "off", tag, List.of(Step.of("fetch", StepKind.FETCH, "/srv/off")));
        return QuarkusTransaction.requiringNew().call(() -> queue.queue(
                new NewDeployment(null, null, null, UUID.randomUUID().toString(), "test"), "off2", plan));
    }

    private static String state(DeploymentRow row) {
        return QuarkusTransaction.requiringNew().call(() -> DeploymentRow.<DeploymentRow>findById(row.id).state);
    }

    @Test
    void newerReleaseSupersedesTheOneStillQueuedAndWaitsBehindTheRunningOne() {
        String container = "ct-" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentRow first = queued(container, "v1.0.0");
        assertEquals(List.of(first.id), queue.claim(1000).stream().filter(first.id::equals).toList());
        assertEquals("RUNNING", state(first));

        DeploymentRow second = queued(container, "v1.1.0");
        DeploymentRow third = queued(container, "v1.2.0");
        assertEquals("SUPERSEDED", state(second), "an older queued release never runs");
        assertEquals("QUEUED", state(third));
        assertEquals(List.of(), queue.claim(1000).stream().filter(third.id::equals).toList(),
                "the container is busy: the newest release waits");

        QuarkusTransaction.requiringNew().run(() -> DeploymentRow.<DeploymentRow>findById(first.id).state = "SUCCEEDED");
        assertEquals(List.of(third.id), queue.claim(1000).stream().filter(third.id::equals).toList());
        assertEquals("RUNNING", state(third));
    }

    @Test
    void databaseRefusesASecondActiveDeploymentOnAContainer() {
        String container = "ct-" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentRow running = queued(container, "v1.0.0");
        queue.claim(1000);
        DeploymentRow other = queued(container, "v1.1.0");
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                DeploymentRow.<DeploymentRow>findById(other.id).state = "ROLLING_BACK"));
        assertEquals("RUNNING", state(running));
        assertEquals("QUEUED", state(other));
    }
}
