package org.offops.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports the relay's state and backlog; a failing relay means events are waiting, not lost. */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxStore store;

    public OutboxHealth(OutboxRelay relay, OutboxStore store) {
        this.relay = relay;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        String error = relay.lastError();
        return HealthCheckResponse.named("outbox-relay")
                .status(error == null)
                .withData("running", relay.running())
                .withData("backlog", QuarkusTransaction.requiringNew().call(store::backlog))
                .withData("lastError", error == null ? "none" : error)
                .build();
    }
}
