package org.offops.inventory.store.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.domain.audit.ReceivedEvent;

/** Appends events to audit_event, a whole batch in one statement; ids already journaled are skipped, not updated. */
@ApplicationScoped
public class AuditJournal {

    // One round trip per batch: the columns travel as arrays and unnest() turns them back into rows; "order by n"
    // makes seq follow the order of the batch.
    private static final String INSERT = """
            insert into audit_event (id, type, source, subject, time, correlation_id, actor, topic, kafka_partition,
                                     kafka_offset, data)
            select id, type, source, subject, time, correlation_id, actor, topic, kafka_partition, kafka_offset, data
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                        ?::int[], ?::bigint[], ?::jsonb[])
                 with ordinality as u(id, type, source, subject, time, correlation_id, actor, topic, kafka_partition,
                                      kafka_offset, data, n)
            order by n
            on conflict (id) do nothing
            returning seq, id, received_at""";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Stores the events whose id is new and returns them as journal entries, in storage order. */
    public List<AuditEntry> append(Connection connection, List<ReceivedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        // Insertion order is kept so that seq follows consumption order (a partition's order) within the batch.
        Map<UUID, ReceivedEvent> byId = events.stream()
                .collect(Collectors.toMap(ReceivedEvent::id, Function.identity(), (first, again) -> first,
                        LinkedHashMap::new));
        List<ReceivedEvent> unique = List.copyOf(byId.values());
        List<AuditEntry> stored = new ArrayList<>(unique.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, array(connection, unique, e -> e.id().toString()));
            insert.setArray(2, array(connection, unique, e -> e.envelope().type()));
            insert.setArray(3, array(connection, unique, e -> e.envelope().source()));
            insert.setArray(4, array(connection, unique, e -> e.envelope().subject()));
            insert.setArray(5, array(connection, unique, e -> ISO.format(e.time())));
            insert.setArray(6, array(connection, unique, e -> e.envelope().correlationid()));
            insert.setArray(7, array(connection, unique, e -> e.envelope().actor()));
            insert.setArray(8, array(connection, unique, ReceivedEvent::topic));
            insert.setArray(9, array(connection, unique, e -> Integer.toString(e.partition())));
            insert.setArray(10, array(connection, unique, e -> Long.toString(e.offset())));
            insert.setArray(11, array(connection, unique, ReceivedEvent::dataJson));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ReceivedEvent event = byId.get(rows.getObject(2, UUID.class));
                    stored.add(event.stored(rows.getLong(1), rows.getObject(3, OffsetDateTime.class)));
                }
            }
        }
        stored.sort(Comparator.comparingLong(AuditEntry::seq));
        return stored;
    }

    private static Array array(Connection connection, List<ReceivedEvent> events, Function<ReceivedEvent, String> column)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(column).toArray(String[]::new));
    }
}
