package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.offops.events.storage.ReplicationFailed;
import org.offops.events.storage.SnapshotReplicated;
import org.offops.platform.outbox.Outbox;
import org.offops.storage.domain.replication.ReplicationPlan;

/** Each route's last pull (ok, failed, diverged) and its event, committed together. */
@ApplicationScoped
public class ReplicationJournal {

    /** A route's recorded state as GET /replication shows it. */
    public record RouteState(String state, int attempts, String lastError, String divergence, List<String> repair,
                             String lastSnapshot, Long lastBytes, Long lastDurationMs) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Event<ReplicaRecorded> recorded;

    public ReplicationJournal(EntityManager em, Outbox outbox, Event<ReplicaRecorded> recorded) {
        this.em = em;
        this.outbox = outbox;
        this.recorded = recorded;
    }

    @Transactional
    public void replicated(RouteEntity route, DatasetEntity source, DatasetEntity target, String snapshot, long bytes,
                           long durationMs, boolean incremental, String correlationId) {
        upsert(route.id, "ok", 0, null, null, null, snapshot, bytes, durationMs);
        outbox.publish(SnapshotLedger.subject(target), correlationId, "storage-service", new SnapshotReplicated(
                source.server, source.name, target.server, target.name, snapshot, bytes, durationMs, incremental));
        // observed AFTER_SUCCESS (clone refresh): only a committed replica is acted on
        recorded.fire(new ReplicaRecorded(target.id, snapshot, correlationId));
    }

    /** Records a failed pull; returns false when nothing changed (the same divergence reported again). */
    @Transactional
    public boolean failed(RouteEntity route, DatasetEntity source, DatasetEntity target, int attempt,
                          ReplicationPlan diverged, String error, String correlationId) {
        Optional<RouteState> before = state(route.id);
        boolean divergence = diverged != null;
        String text = divergence ? diverged.divergence() : error;
        if (divergence && before.isPresent() && "diverged".equals(before.get().state())
                && text.equals(before.get().divergence())) {
            return false;
        }
        upsert(route.id, divergence ? "diverged" : "failed", attempt, divergence ? null : trim(error),
                divergence ? trim(text) : null, divergence ? String.join("\n", diverged.repair()) : null,
                before.map(RouteState::lastSnapshot).orElse(null), null, null);
        outbox.publish(SnapshotLedger.subject(target), correlationId, "storage-service", new ReplicationFailed(
                source.server, source.name, target.server, target.name, attempt, divergence, trim(text)));
        return true;
    }

    @Transactional
    public void upToDate(RouteEntity route, String snapshot) {
        Optional<RouteState> before = state(route.id);
        upsert(route.id, "ok", 0, null, null, null, snapshot, before.map(RouteState::lastBytes).orElse(null),
                before.map(RouteState::lastDurationMs).orElse(null));
    }

    public Optional<RouteState> state(long route) {
        List<Object[]> rows = em.createNativeQuery("select state, attempts, last_error, divergence, repair,"
                + " last_snapshot, last_bytes, last_duration_ms from route_state where route = ?1")
                .setParameter(1, route).getResultList();
        return rows.stream().findFirst().map(r -> new RouteState((String) r[0], ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], r[4] == null ? List.of() : List.of(((String) r[4]).split("\n")),
                (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue(),
                r[7] == null ? null : ((Number) r[7]).longValue()));
    }

    private void upsert(long route, String state, int attempts, String error, String divergence, String repair,
                        String snapshot, Long bytes, Long duration) {
        em.createNativeQuery("insert into route_state (route, state, attempts, last_error, divergence, repair,"
                        + " last_snapshot, last_bytes, last_duration_ms, updated_at)"
                        + " values (?1, ?2, ?3, cast(?4 as varchar), cast(?5 as varchar), cast(?6 as text),"
                        + " cast(?7 as varchar), cast(?8 as bigint), cast(?9 as bigint), now()) on conflict (route) do update set"
                        + " state = excluded.state, attempts = excluded.attempts, last_error = excluded.last_error,"
                        + " divergence = excluded.divergence, repair = excluded.repair,"
                        + " last_snapshot = excluded.last_snapshot, last_bytes = excluded.last_bytes,"
                        + " last_duration_ms = excluded.last_duration_ms, updated_at = now()")
                .setParameter(1, route).setParameter(2, state).setParameter(3, attempts).setParameter(4, error)
                .setParameter(5, divergence).setParameter(6, repair).setParameter(7, snapshot)
                .setParameter(8, bytes).setParameter(9, duration).executeUpdate();
    }

    private static String trim(String text) {
        return text == null || text.length() <= 1900 ? text : text.substring(0, 1900) + "…";
    }
}
