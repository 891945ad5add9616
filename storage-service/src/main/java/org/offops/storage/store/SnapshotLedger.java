package org.offops.storage.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.offops.events.EventEnvelope;
import org.offops.events.storage.SnapshotPruned;
import org.offops.events.storage.SnapshotTaken;
import org.offops.platform.outbox.Outbox;
import org.offops.storage.domain.snapshot.Snapshot;

/** The snapshots offops knows per dataset; taking or pruning one and its event commit together. */
@ApplicationScoped
public class SnapshotLedger {

    private final EntityManager em;
    private final Outbox outbox;
    private final Event<SnapshotRecorded> recorded;

    public SnapshotLedger(EntityManager em, Outbox outbox, Event<SnapshotRecorded> recorded) {
        this.em = em;
        this.outbox = outbox;
        this.recorded = recorded;
    }

    public List<Snapshot> snapshots(long dataset) {
        List<Object[]> rows = em.createNativeQuery("select name, extract(epoch from creation)::bigint from"
                + " known_snapshot where dataset = ?1 order by creation, name").setParameter(1, dataset).getResultList();
        return rows.stream().map(r -> new Snapshot((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    public List<String> held(long dataset) {
        return em.createNativeQuery("select name from known_snapshot where dataset = ?1 and held order by name")
                .setParameter(1, dataset).getResultList();
    }

    @Transactional
    public EventEnvelope taken(DatasetEntity dataset, String snapshot, String period, Instant creation,
                               String correlationId, String actor) {
        upsert(dataset.id, snapshot, creation);
        EventEnvelope envelope = outbox.publish(subject(dataset), correlationId, actor, new SnapshotTaken(
                dataset.server, dataset.name, snapshot, period, OffsetDateTime.ofInstant(creation, ZoneOffset.UTC)));
        recorded.fire(new SnapshotRecorded(dataset.id, snapshot, envelope.correlationid()));
        return envelope;
    }

    @Transactional
    public EventEnvelope pruned(DatasetEntity dataset, String snapshot, String reason, String correlationId,
                                String actor) {
        em.createNativeQuery("delete from known_snapshot where dataset = ?1 and name = ?2").setParameter(1, dataset.id)
                .setParameter(2, snapshot).executeUpdate();
        return outbox.publish(subject(dataset), correlationId, actor, new SnapshotPruned(dataset.server, dataset.name,
                snapshot, reason));
    }

    /** Replaces what offops knows of a dataset's snapshots with what the host listed (no event: an observation). */
    @Transactional
    public void observed(long dataset, List<Snapshot> onHost) {
        em.createNativeQuery("delete from known_snapshot where dataset = ?1").setParameter(1, dataset).executeUpdate();
        onHost.forEach(s -> upsert(dataset, s.name(), Instant.ofEpochSecond(s.creation())));
    }

    private void upsert(long dataset, String name, Instant creation) {
        em.createNativeQuery("insert into known_snapshot (dataset, name, creation) values (?1, ?2, ?3)"
                        + " on conflict (dataset, name) do update set creation = excluded.creation")
                .setParameter(1, dataset).setParameter(2, name)
                .setParameter(3, OffsetDateTime.ofInstant(creation, ZoneOffset.UTC)).executeUpdate();
    }

    public static String subject(DatasetEntity dataset) {
        return "dataset/" + dataset.server + ":" + dataset.name;
    }
}
