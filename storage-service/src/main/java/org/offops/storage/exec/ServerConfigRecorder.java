package org.offops.storage.exec;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.offops.platform.hosts.InfrastructureRepository;
import org.offops.remote.InvalidNameException;
import org.offops.remote.git.SecretRefusedException;
import org.offops.storage.store.ConfigsStaged;
import org.offops.storage.store.ServerConfigRecord;

/**
 * Commits staged server configs to the infrastructure git repository, one commit per change, strictly in the order
 * the changes committed. A failed push leaves the row pending: it is retried on the next change and every
 * {@code offops.storage.config-record.retry}, so git being down never loses (or reorders) a change.
 */
@ApplicationScoped
public class ServerConfigRecorder {

    private static final Logger LOG = Logger.getLogger(ServerConfigRecorder.class);
    /** Held by the replica recording a row, for that row's transaction: one recorder at a time, in id order. */
    private static final long RECORDER_LOCK = 0x4749_545f_5245_43L;

    private enum Step { NEXT, STOP }

    private final InfrastructureRepository infra;
    private final EntityManager em;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final AtomicBoolean queued = new AtomicBoolean();

    public ServerConfigRecorder(InfrastructureRepository infra, EntityManager em) {
        this.infra = infra;
        this.em = em;
    }

    void onStaged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigsStaged staged) {
        request();
    }

    @Scheduled(every = "${offops.storage.config-record.retry:1m}", delayed = "10s")
    void retry() {
        request();
    }

    /** Records whatever is pending, in the background; requests arriving meanwhile coalesce into one more pass. */
    public void request() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        queued.set(false);
        if (!infra.enabled()) {
            return; // rows stay staged; GET /servers/{server}/config still shows the render
        }
        try {
            while (QuarkusTransaction.requiringNew().call(this::recordOldest) == Step.NEXT) {
                // one row per transaction: a crash after the push re-records it, which git sees as no change
            }
        } catch (RuntimeException e) {
            LOG.warnf("recording server configs stopped, retried later: %s", e.getMessage());
        }
    }

    private Step recordOldest() {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RECORDER_LOCK).getSingleResult();
        ServerConfigRecord row = mine ? ServerConfigRecord.oldestPending().orElse(null) : null;
        if (row == null) {
            return Step.STOP; // nothing left, or another replica records: its pass takes our rows in order
        }
        row.attempts++;
        try {
            row.commitId = infra.record(row.server, row.files(), row.changeId.toString(),
                    "storage-service: " + row.description + " (by " + row.actor + ")").orElse(null);
            row.state = ServerConfigRecord.RECORDED;
            row.recordedAt = OffsetDateTime.now();
            row.lastError = null;
            // git holds the history now: older rows of this server are superseded (and all non-pending, id order)
            ServerConfigRecord.delete("server = ?1 and id < ?2", row.server, row.id);
            return Step.NEXT;
        } catch (SecretRefusedException | InvalidNameException e) {
            LOG.errorf("configs of %s for change %s refused by the repository, skipped: %s", row.server,
                    row.changeId, e.getMessage());
            row.state = ServerConfigRecord.REFUSED;
            row.lastError = clip(e.getMessage());
            return Step.NEXT; // the next change of this server carries its whole files again
        } catch (RuntimeException e) {
            String why = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
            LOG.warnf("recording configs of %s for change %s failed (attempt %d), retried later: %s", row.server,
                    row.changeId, row.attempts, why);
            row.lastError = clip(why);
            return Step.STOP; // later rows wait: recording them first would let this older render overwrite them
        }
    }

    private static String clip(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 2000));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
