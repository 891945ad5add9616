package org.offops.deploy.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.offops.deploy.domain.DeploymentState;
import org.offops.deploy.store.DeploymentQueries;

/**
 * Server-sent events for a progress bar: one event per step change (state or attempt), then a last one with the
 * deployment's end state. Read from the database, so it follows a deployment across a restart of the service.
 */
@Path("/deployments/{id}/stream")
public class DeploymentStreamResource {

    private static final Duration POLL = Duration.ofMillis(300);

    private final DeploymentQueries queries;

    public DeploymentStreamResource(DeploymentQueries queries) {
        this.queries = queries;
    }

    /** One event: a step that changed, or (step null) the deployment reaching an end state. */
    public record Progress(String deploymentId, String state, StepView step) {
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Progress> stream(@PathParam("id") String id) {
        DeploymentsResource.detail(queries, id);
        return Multi.createFrom().emitter(emitter -> {
            Map<String, String> seen = new HashMap<>();
            boolean[] done = {false};
            ScheduledFuture<?> poll = Infrastructure.getDefaultWorkerPool().scheduleWithFixedDelay(() -> {
                try {
                    if (!done[0]) {
                        changes(DeploymentsResource.detail(queries, id), seen, done).forEach(emitter::emit);
                        if (done[0]) {
                            emitter.complete();
                        }
                    }
                } catch (RuntimeException e) {
                    done[0] = true;
                    emitter.fail(e);
                }
            }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> poll.cancel(false));
        });
    }

    private static List<Progress> changes(DeploymentDetail detail, Map<String, String> seen, boolean[] done) {
        String state = detail.deployment().state();
        List<Progress> out = new java.util.ArrayList<>();
        for (StepView step : detail.steps()) {
            String key = step.phase() + ":" + step.seq();
            String mark = step.state() + "#" + step.attempt();
            if (!mark.equals(seen.put(key, mark))) {
                out.add(new Progress(detail.deployment().id(), state, step));
            }
        }
        if (DeploymentState.valueOf(state).finished()) {
            done[0] = true;
            out.add(new Progress(detail.deployment().id(), state, null));
        }
        return out;
    }
}
