package org.offops.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fallback a fresh machine without PostgreSQL uses: real PostgreSQL 15 binaries from Maven Central. */
class PostgresServerTest {

    @Test
    void embeddedPostgresServesFreshDatabasesAndKeepsDataAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("offops-pg-");
        int port = Ports.free();
        try (PostgresServer pg = PostgresServer.startEmbedded(Optional.of(data), port)) {
            assertTrue(pg.embedded());
            pg.createDatabaseIfMissing("offops");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("offops"), pg.user(), pg.password())) {
                c.createStatement().execute("create table kept (v int); insert into kept values (15)");
            }
        }
        try (PostgresServer pg = PostgresServer.startEmbedded(Optional.of(data), port);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("offops"), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("select v, current_setting('server_version_num') from kept")) {
            assertTrue(rs.next());
            assertEquals(15, rs.getInt(1));
            assertTrue(rs.getString(2).startsWith("15"), "PostgreSQL 15");
        }
    }
}
