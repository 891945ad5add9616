package org.offops.inventory.store.audit;

import java.sql.SQLException;

/**
 * Reading or writing the journal failed. A data error (SQLSTATE class 22 or 23) is caused by the events themselves
 * and fails again on retry; anything else (connection lost, server restarting) is worth retrying.
 */
public class AuditStoreException extends RuntimeException {

    private final boolean dataError;

    public AuditStoreException(SQLException cause) {
        super(cause.getMessage(), cause);
        String state = cause.getSQLState();
        this.dataError = state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    public boolean dataError() {
        return dataError;
    }
}
