package org.offops.inventory.store.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.domain.audit.FleetFact;
import org.offops.inventory.domain.audit.ReceivedEvent;

/**
 * Journals a batch and applies the fleet facts of its new events in one transaction, so the fleet view never counts
 * an event the journal does not hold, and a redelivered event changes neither.
 */
@ApplicationScoped
public class AuditWriter {

    private final DataSource dataSource;
    private final AuditJournal journal;
    private final FleetViewWriter fleet;

    public AuditWriter(DataSource dataSource, AuditJournal journal, FleetViewWriter fleet) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.fleet = fleet;
    }

    /** Returns the entries that were new, in storage order; throws {@link AuditStoreException} on SQL failure. */
    public List<AuditEntry> write(List<ReceivedEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<AuditEntry> stored = journal.append(connection, events);
                Map<UUID, ReceivedEvent> byId = events.stream()
                        .collect(Collectors.toMap(ReceivedEvent::id, Function.identity(), (first, again) -> first,
                        LinkedHashMap::new));
                List<FleetFact> facts = stored.stream().flatMap(e -> byId.get(e.id()).facts().stream()).toList();
                fleet.apply(connection, facts);
                return stored;
            } catch (SQLException e) {
                throw new AuditStoreException(e);
            }
        });
    }
}
