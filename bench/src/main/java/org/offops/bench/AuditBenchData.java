package org.offops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.offops.events.EventTypes;

/** Bulk-loads synthetic journal rows with SQL so the table reaches the size the latency goal is stated for. */
final class AuditBenchData {

    /** 2,000 subjects, chains of ten events, four actors, one event every 30 s over the past ~ten months. */
    private static final String LOAD = """
            insert into audit_event (id, type, source, subject, time, correlation_id, actor, topic, kafka_partition,
                                     kafka_offset, data, received_at)
            select gen_random_uuid(), t.type, '/bulk', 'container/b' || (g % 2000),
                   now() - g * interval '30 seconds', md5('chain-' || (g / 10))::uuid::text,
                   (array['scheduler', 'github:bench', 'token:ops-admin', 'token:deployer'])[1 + g % 4],
                   split_part(t.type, '.', 1) || '.' || split_part(t.type, '.', 2), g % 6, g,
                   jsonb_build_object('container', 'b' || (g % 2000), 'tag', 'v2.' || (g % 90), 'durationMs', g % 99999),
                   now()
            from generate_series(1, ?) g
            join lateral (select (?::text[])[1 + (g * 7919) % ?] as type) t on true""";

    private AuditBenchData() {
    }

    /** The service's database, derived from the PostgreSQL admin URL the infra launcher wrote. */
    record Database(String url, String user, String password) {
        static Database of(String adminUrl, String name) {
            String base = adminUrl.substring(0, adminUrl.indexOf('/', "jdbc:postgresql://".length()));
            return new Database(base + "/" + name, parameter(adminUrl, "user", "postgres"),
                    parameter(adminUrl, "password", ""));
        }

        private static String parameter(String url, String name, String fallback) {
            int query = url.indexOf('?');
            for (String pair : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
            return fallback;
        }
    }

    static void reset(String adminUrl, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    /** Rows journaled so far; 0 while the service has not yet created its schema. */
    static long count(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             var r = s.executeQuery("select count(*) from inventory.audit_event")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    /** Returns {first received_at, last received_at} in epoch milliseconds. */
    static long[] receivedSpan(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             var r = s.executeQuery("select extract(epoch from min(received_at)) * 1000,"
                     + " extract(epoch from max(received_at)) * 1000 from inventory.audit_event")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    /** Adds {@code rows} bulk rows, then refreshes the planner statistics as autovacuum would. */
    static void load(String url, String user, String password, long rows) throws SQLException {
        List<String> types = new ArrayList<>(EventTypes.all());
        try (Connection c = DriverManager.getConnection(url + "?currentSchema=inventory", user, password);
             PreparedStatement insert = c.prepareStatement(LOAD); Statement s = c.createStatement()) {
            insert.setLong(1, rows);
            insert.setArray(2, c.createArrayOf("text", types.toArray(String[]::new)));
            insert.setInt(3, types.size());
            insert.executeUpdate();
            s.execute("vacuum analyze audit_event");
        }
    }
}
