package org.offops.inventory.store.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.offops.inventory.domain.audit.AuditFilter;

/** Builds a journal query from fixed SQL fragments; every value is a bind parameter, never spliced into the text. */
final class AuditSql {

    private final StringBuilder text;
    private final List<Object> parameters = new ArrayList<>();
    private boolean hasWhere;

    AuditSql(String select) {
        this.text = new StringBuilder(select);
    }

    AuditSql where(AuditFilter filter) {
        equal("subject", filter.subject());
        equal("type", filter.type());
        equal("correlation_id", filter.correlationId());
        equal("actor", filter.actor());
        if (filter.from() != null) {
            and("time >= ?", filter.from());
        }
        if (filter.to() != null) {
            and("time < ?", filter.to());
        }
        return this;
    }

    AuditSql and(String condition, Object... values) {
        text.append(hasWhere ? " and " : " where ").append(condition);
        hasWhere = true;
        parameters.addAll(List.of(values));
        return this;
    }

    AuditSql append(String clause, Object... values) {
        text.append(clause);
        parameters.addAll(List.of(values));
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private void equal(String column, String value) {
        if (value != null) {
            and(column + " = ?", value);
        }
    }
}
