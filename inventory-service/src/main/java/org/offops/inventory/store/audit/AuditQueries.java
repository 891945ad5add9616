package org.offops.inventory.store.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.offops.inventory.domain.audit.AuditCursor;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.domain.audit.AuditFilter;
import org.offops.inventory.domain.audit.AuditPage;

/** Reads the journal: filtered newest-first pages after a cursor, one event by id, a correlation chain oldest first. */
@ApplicationScoped
public class AuditQueries {

    private static final String COLUMNS = "select seq, id, type, source, subject, time, correlation_id, actor, topic,"
            + " kafka_partition, kafka_offset, data::text, received_at from audit_event";

    private final DataSource dataSource;

    public AuditQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AuditPage page(AuditFilter filter, AuditCursor after, int limit) {
        AuditSql sql = new AuditSql(COLUMNS).where(filter);
        if (after != null) {
            // A row comparison is an index condition on (..., time, seq): the page starts right at the cursor.
            sql.and("(time, seq) < (?, ?)", after.time(), after.seq());
        }
        sql.append(" order by time desc, seq desc limit ?", limit + 1);
        List<AuditEntry> rows = run(sql);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        return new AuditPage(List.copyOf(page), AuditCursor.after(page.get(limit - 1)).encode());
    }

    public Optional<AuditEntry> byId(UUID id) {
        return run(new AuditSql(COLUMNS).and("id = ?", id)).stream().findFirst();
    }

    /** The events of one correlation id in causal order: event time, then storage order for equal times. */
    public List<AuditEntry> chain(String correlationId, int max) {
        return run(new AuditSql(COLUMNS).and("correlation_id = ?", correlationId)
                .append(" order by time, seq limit ?", max));
    }

    private List<AuditEntry> run(AuditSql sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = sql.prepare(c);
             ResultSet r = statement.executeQuery()) {
            List<AuditEntry> entries = new ArrayList<>();
            while (r.next()) {
                entries.add(new AuditEntry(r.getLong(1), r.getObject(2, UUID.class), r.getString(3), r.getString(4),
                        r.getString(5), r.getObject(6, OffsetDateTime.class), r.getString(7), r.getString(8),
                        r.getString(9), r.getInt(10), r.getLong(11), r.getString(12),
                        r.getObject(13, OffsetDateTime.class)));
            }
            return entries;
        } catch (SQLException e) {
            throw new AuditStoreException(e);
        }
    }
}
