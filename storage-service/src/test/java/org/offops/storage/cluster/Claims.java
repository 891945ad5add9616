package org.offops.storage.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The scheduler's claim rows and the outbox backlog, read straight from the replicas' shared database. */
final class Claims {

    /** Opens a connection to the replicas' database. */
    interface Connector {
        Connection open() throws SQLException;
    }

    /** A claim whose snapshot is not recorded yet: its job ({@code snapshot/<dataset id>/<period>}), holder, slot. */
    record Unfinished(String job, String holder, Instant slot) {
    }

    private final Connector db;

    Claims(Connector db) {
        this.db = db;
    }

    /** A snapshot claim made so recently that at least {@code left} of its lease remains, if any. */
    Optional<Unfinished> justClaimed(Duration left) throws SQLException {
        try (Connection c = db.open(); PreparedStatement st = c.prepareStatement("select job, holder,"
                + " extract(epoch from last_tick)::bigint from storage.scheduler_lease where job like 'snapshot/%'"
                + " and not done and until > now() + make_interval(secs => ?) order by until desc limit 1")) {
            st.setDouble(1, left.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Unfinished(rs.getString(1), rs.getString(2),
                        Instant.ofEpochSecond(rs.getLong(3)))) : Optional.empty();
            }
        }
    }

    /** True while the claim's slot is neither recorded nor superseded by a later slot of the job. */
    boolean unfinished(Unfinished claim) throws SQLException {
        try (Connection c = db.open(); PreparedStatement st = c.prepareStatement("select count(*) from"
                + " storage.scheduler_lease where job = ? and not done and last_tick = to_timestamp(?)")) {
            st.setString(1, claim.job());
            st.setLong(2, claim.slot().getEpochSecond());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    /** Outbox rows no relay has published yet. */
    long unsentEvents() throws SQLException {
        try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from storage.outbox_event where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
