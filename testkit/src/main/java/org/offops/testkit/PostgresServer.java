package org.offops.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A real PostgreSQL server: the one given by OFFOPS_PG_ADMIN_URL, else one already running on 127.0.0.1:5432,
 * else embedded PostgreSQL 15 binaries from Maven Central (zonky). OFFOPS_PG=embedded skips the local one.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String ADMIN_URL_ENV = "OFFOPS_PG_ADMIN_URL";
    /** Set to {@code embedded} to skip a local server, as on a machine without one. */
    public static final String MODE_ENV = "OFFOPS_PG";
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String adminUrl;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String adminUrl, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.embedded = embedded;
    }

    /** Finds or starts a server; {@code dataDir} keeps embedded data across runs when given, else a temp dir is used. */
    public static PostgresServer findOrStart(Optional<Path> dataDir, int embeddedPort) {
        String given = System.getenv(ADMIN_URL_ENV);
        if (given != null && !given.isBlank()) {
            return new PostgresServer(given, null);
        }
        boolean forceEmbedded = "embedded".equals(System.getenv(MODE_ENV));
        if (!forceEmbedded && Ports.listening("127.0.0.1", 5432) && canConnect(LOCAL)) {
            return new PostgresServer(LOCAL, null);
        }
        return startEmbedded(dataDir, embeddedPort);
    }

    /** Starts PostgreSQL 15 binaries from Maven Central; as root they run in a user namespace (zonky's doing). */
    public static PostgresServer startEmbedded(Optional<Path> dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            dataDir.ifPresent(dir -> builder.setDataDirectory(dir).setCleanDataDirectory(false));
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** A JDBC URL with credentials to the maintenance database, for creating and dropping databases. */
    public String adminUrl() {
        return adminUrl;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public void createDatabase(String name) {
        requireSafe(name);
        execute("create database " + name);
    }

    public void createDatabaseIfMissing(String name) {
        requireSafe(name);
        try (Connection c = DriverManager.getConnection(adminUrl);
             var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                createDatabase(name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: could not look up database " + name + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabase(String name) {
        requireSafe(name);
        execute("drop database if exists " + name + " with (force)");
    }

    /** The JDBC URL (without credentials) of a database on this server. */
    public String jdbcUrl(String database) {
        String base = adminUrl.substring(0, adminUrl.indexOf('/', "jdbc:postgresql://".length()));
        return base + "/" + database;
    }

    public String user() {
        return parameter("user").orElse("postgres");
    }

    public String password() {
        return parameter("password").orElse("");
    }

    private Optional<String> parameter(String name) {
        int query = adminUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : adminUrl.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireSafe(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
    }

    private static boolean canConnect(String url) {
        try (Connection ignored = DriverManager.getConnection(url)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
