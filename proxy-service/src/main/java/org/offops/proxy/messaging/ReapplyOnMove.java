package org.offops.proxy.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.offops.proxy.exec.HostResult;
import org.offops.proxy.exec.ProxyApplier;

/**
 * Re-applies the hosts of a moved container once the inbox has committed (never inside the Kafka transaction, and
 * never twice for a redelivered event), one host after the other on a worker thread.
 */
@ApplicationScoped
public class ReapplyOnMove {

    private static final Logger LOG = Logger.getLogger(ReapplyOnMove.class);

    private final ProxyApplier applier;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "proxy-reapply");
        thread.setDaemon(true);
        return thread;
    });

    public ReapplyOnMove(ProxyApplier applier) {
        this.applier = applier;
    }

    void onMove(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContainerMoved move) {
        worker.submit(() -> {
            for (String host : move.hosts()) {
                try {
                    HostResult result = applier.reapply(host, Map.of(move.container().name(), move.container()),
                            move.correlationId(), "inventory", "container " + move.container().name() + " moved", false);
                    LOG.infof("container %s moved to %s/%s: %s %s", move.container().name(),
                            move.container().internalIp(), move.container().sshHost(), host, result.status());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "re-applying %s after container %s moved failed", host, move.container().name());
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
