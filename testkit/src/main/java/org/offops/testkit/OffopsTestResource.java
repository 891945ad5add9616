package org.offops.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a @QuarkusTest the real broker and a fresh PostgreSQL database of its own, plus the test tokens.
 * Use with {@code @WithTestResource(OffopsTestResource.class)}.
 */
public class OffopsTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        PostgresServer pg = SharedInfra.postgres();
        database = "offops_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        pg.createDatabase(database);
        String kafka = SharedInfra.kafkaBootstrap();
        return Map.of(
                "kafka.bootstrap.servers", kafka,
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password(),
                "offops.auth.tokens", TestTokens.config(),
                "offops.test.database", database);
    }

    @Override
    public void stop() {
        if (database != null) {
            SharedInfra.postgres().dropDatabase(database);
        }
    }
}
