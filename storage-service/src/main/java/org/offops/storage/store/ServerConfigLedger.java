package org.offops.storage.store;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.offops.platform.auth.Caller;
import org.offops.storage.domain.render.FleetConfigs;

/**
 * Stages the re-rendered sanoid.conf / syncoid-args.conf of the servers a model change reaches, in that change's
 * transaction (nothing staged when the render is unchanged); {@code exec/ServerConfigRecorder} commits them to git.
 */
@ApplicationScoped
public class ServerConfigLedger {

    /** Any constant: every catalog mutation holds it until commit, so changes (and their renders) are serialised. */
    private static final long CATALOG_LOCK = 0x5354_4f52_4147_45L;

    private final EntityManager em;
    private final Event<ConfigsStaged> staged;
    private final StorageModel model;
    /** The servers reached so far by the changes of the running batch (absent: no batch). */
    private final ThreadLocal<Reached> batch = new ThreadLocal<>();

    /** Servers whose files a change can alter; every server for a change no narrower set covers (a policy edit). */
    private static final class Reached {
        final Set<String> servers = new TreeSet<>();
        boolean everyServer;
    }

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

    /** {@link #lock} for a change that will be written; a dry run reads without waiting for other changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockUnlessDryRun(boolean dryRun) {
        if (!dryRun) {
            lock();
        }
    }

    /** Runs several catalog changes (an import) as one change: one staged render per server, one commit each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void batch(String description, Runnable changes) {
        if (batch.get() != null) {
            changes.run();
            return;
        }
        Reached reached = new Reached();
        batch.set(reached);
        try {
            changes.run();
        } finally {
            batch.remove();
        }
        render(description, reached);
    }

    /**
     * Stages the servers' files that differ from their newest row; {@code servers} are all those the change can
     * alter ({@link StorageModel#serversReaching}). Rendering only those keeps a change's cost off the fleet's size.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> stage(String description, Collection<String> servers) {
        return reached(description, r -> r.servers.addAll(servers));
    }

    /** {@link #stage} for a change that can alter any server's files, such as a named policy's counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> stageEveryServer(String description) {
        return reached(description, r -> r.everyServer = true);
    }

    private List<String> reached(String description, Consumer<Reached> change) {
        Reached running = batch.get();
        if (running != null) {
            change.accept(running);
            return List.of(); // the batch stages once, at its end
        }
        Reached reached = new Reached();
        change.accept(reached);
        return render(description, reached);
    }

    private List<String> render(String description, Reached reached) {
        em.flush();
        FleetConfigs.Model now = model.read();
        Map<String, Map<String, String>> files = new TreeMap<>();
        if (reached.everyServer) {
            // servers that had files before render too (empty when left without datasets), so git stops listing them
            files.putAll(FleetConfigs.render(now, em.createQuery("select distinct r.server from ServerConfigRecord r",
                    String.class).getResultList()));
        }
        reached.servers.forEach(server -> files.put(server, FleetConfigs.render(now, server)));
        UUID change = UUID.randomUUID();
        String actor = actor();
        String what = description.length() > 500 ? description.substring(0, 500) : description;
        List<String> changed = files.entrySet().stream().filter(e -> differs(e.getKey(), e.getValue()))
                .map(e -> ServerConfigRecord.stage(e.getKey(), e.getValue(), change, what, actor).server).toList();
        if (!changed.isEmpty()) {
            staged.fire(new ConfigsStaged(change, changed));
        }
        return changed;
    }

    private static boolean differs(String server, Map<String, String> files) {
        return ServerConfigRecord.latest(server).map(r -> !r.files().equals(files)).orElse(true);
    }

    /** The API caller when there is one; else the service (a change made by a message or in the background). */
    private static String actor() {
        if (Arc.container().requestContext().isActive()) {
            return Arc.container().instance(Caller.class).get().actorOr("storage-service");
        }
        return "storage-service";
    }
}
