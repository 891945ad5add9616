package org.offops.storage.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.offops.storage.domain.render.ServerConfigs;

/** One server's rendered files after one model change, waiting for (or done with) its commit in git. */
@Entity
@Table(name = "server_config_record")
public class ServerConfigRecord extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String RECORDED = "recorded";
    /** Refused for good by the repository (e.g. its secret guard): skipped, the next change supersedes it. */
    public static final String REFUSED = "refused";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String server;
    @Column(name = "change_id")
    public UUID changeId;
    public String description;
    public String actor;
    @Column(name = "sanoid_conf")
    public String sanoidConf;
    @Column(name = "syncoid_args")
    public String syncoidArgs;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "commit_id")
    public String commitId;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    public String state = PENDING;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;

    /** The files by absolute path on the server, as {@link ServerConfigs} renders them. */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        files.put(ServerConfigs.SANOID_CONF, sanoidConf);
        files.put(ServerConfigs.SYNCOID_ARGS, syncoidArgs);
        return files;
    }

    /** Persists a pending row: the files of {@code server} after the change {@code changeId}. */
    static ServerConfigRecord stage(String server, Map<String, String> files, UUID changeId, String description,
                                    String actor) {
        ServerConfigRecord row = new ServerConfigRecord();
        row.server = server;
        row.changeId = changeId;
        row.description = description;
        row.actor = actor;
        row.sanoidConf = files.get(ServerConfigs.SANOID_CONF);
        row.syncoidArgs = files.get(ServerConfigs.SYNCOID_ARGS);
        row.persist();
        return row;
    }

    /** The newest row of a server (any state): what git holds or will hold next. */
    public static Optional<ServerConfigRecord> latest(String server) {
        return find("server = ?1 order by id desc", server).firstResultOptional();
    }

    /** The newest row of a server that has a commit. */
    public static Optional<ServerConfigRecord> lastRecorded(String server) {
        return find("server = ?1 and state = ?2 order by id desc", server, RECORDED).firstResultOptional();
    }

    /** The oldest row still waiting for git: rows are recorded strictly in id order. */
    public static Optional<ServerConfigRecord> oldestPending() {
        return find("state = ?1 order by id", PENDING).firstResultOptional();
    }
}
