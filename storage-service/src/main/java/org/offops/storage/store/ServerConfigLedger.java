package org.offops.storage.store;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.offops.platform.auth.Caller;
import org.offops.platform.fleet.KnownServer;
import org.offops.storage.domain.render.FleetConfigs;
import org.offops.storage.domain.render.ServerConfigs;

/**
 * Stages each server's re-rendered sanoid.conf / syncoid-args.conf in the transaction of the model change that
 * altered them (nothing staged when the render is unchanged); {@code exec/ServerConfigRecorder} commits them to git.
 */
@ApplicationScoped
public class ServerConfigLedger {

    /** Any constant: every catalog mutation holds it until commit, so changes (and their renders) are serialised. */
    private static final long CATALOG_LOCK = 0x5354_4f52_4147_45L;

    private final EntityManager em;
    private final Event<ConfigsStaged> staged;
    private final StorageModel model;
    private final ThreadLocal<Boolean> batching = ThreadLocal.withInitial(() -> false);

    public ServerConfigLedger(EntityManager em, Event<ConfigsStaged> staged, StorageModel model) {
        this.em = em;
        this.staged = staged;
        this.model = model;
    }

    /** Taken first by every catalog mutation: it reads what the previous change committed, and renders after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) l").setParameter(1, CATALOG_LOCK)
                .getSingleResult();
    }

    /** Runs several catalog changes (an import) as one change: one staged render per server, one commit each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void batch(String description, Runnable changes) {
        if (batching.get()) {
            changes.run();
            return;
        }
        batching.set(true);
        try {
            changes.run();
        } finally {
            batching.set(false);
        }
        stage(description);
    }

    /** Renders every server and stages those whose files differ from their newest row; returns the staged servers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> stage(String description) {
        if (batching.get()) {
            return List.of(); // the batch stages once, at its end
        }
        em.flush();
        List<String> known = em.createQuery("select distinct r.server from ServerConfigRecord r", String.class)
                .getResultList();
        UUID change = UUID.randomUUID();
        String actor = actor();
        String what = description.length() > 500 ? description.substring(0, 500) : description;
        List<String> changed = FleetConfigs.render(model.read(), known).entrySet().stream()
                .filter(e -> differs(e.getKey(), e.getValue()))
                .map(e -> persist(e.getKey(), e.getValue(), change, what, actor)).toList();
        if (!changed.isEmpty()) {
            staged.fire(new ConfigsStaged(change, changed));
        }
        return changed;
    }

    /** A server's files as the model renders them now, and what git holds of them; empty for an unknown server. */
    @Transactional
    public Optional<ServerConfigStatus> status(String server) {
        if (KnownServer.findById(server) == null && DatasetEntity.count("server", server) == 0
                && ServerConfigRecord.count("server", server) == 0) {
            return Optional.empty();
        }
        return Optional.of(ServerConfigStatus.of(server, FleetConfigs.render(model.read(), server)));
    }

    private static String persist(String server, Map<String, String> files, UUID change, String what, String actor) {
        ServerConfigRecord row = new ServerConfigRecord();
        row.server = server;
        row.changeId = change;
        row.description = what;
        row.actor = actor;
        row.sanoidConf = files.get(ServerConfigs.SANOID_CONF);
        row.syncoidArgs = files.get(ServerConfigs.SYNCOID_ARGS);
        row.persist();
        return server;
    }

    private static boolean differs(String server, Map<String, String> files) {
        return ServerConfigRecord.latest(server).map(r -> !r.files().equals(files)).orElse(true);
    }

    /** The API caller when there is one (no request: a background change, e.g. an import job). */
    private static String actor() {
        if (Arc.container().requestContext().isActive()) {
            return Arc.container().instance(Caller.class).get().actor();
        }
        return "storage-service";
    }
}
