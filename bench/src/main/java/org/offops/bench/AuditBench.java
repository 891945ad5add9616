package org.offops.bench;

import static org.offops.bench.AuditBenchLatency.param;
import static org.offops.bench.AuditBenchLatency.percentile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.offops.bench.AuditBenchLatency.Sample;

/**
 * The audit journal's two goals, measured on the packaged inventory-service against real Kafka and PostgreSQL:
 * ingestion of a backlog (events/s) and GET /audit/events latency (p50/p99) at 1,000,000 stored events.
 * Needs OFFOPS_KAFKA_BOOTSTRAP and OFFOPS_PG_ADMIN_URL (bench/audit/run.sh starts both). Prints Markdown.
 */
public final class AuditBench {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final long TOTAL = Long.getLong("bench.total", 1_000_000L);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 2_000);
    private static final String DATABASE = "offops_audit_bench";

    public static void main(String[] args) throws Exception {
        String kafka = System.getenv("OFFOPS_KAFKA_BOOTSTRAP");
        String admin = System.getenv("OFFOPS_PG_ADMIN_URL");
        AuditBenchData.Database db = AuditBenchData.Database.of(admin, DATABASE);
        AuditBenchData.reset(admin, DATABASE);

        System.out.printf("publishing %,d events to the five offops topics...%n", EVENTS);
        double publishRate = AuditBenchEvents.publish(kafka, EVENTS);
        try (AuditBenchService service = AuditBenchService.start(Path.of(System.getProperty("bench.jar",
                "inventory-service/target/quarkus-app/quarkus-run.jar")), kafka, db)) {
            long started = service.startedNanos();
            while (AuditBenchData.count(db.url(), db.user(), db.password()) < EVENTS) {
                service.requireAlive();
                Thread.sleep(100);
            }
            double wall = (System.nanoTime() - started) / 1e9;
            long[] span = AuditBenchData.receivedSpan(db.url(), db.user(), db.password());
            double ingestRate = EVENTS / ((span[1] - span[0]) / 1000.0);

            service.awaitReady();
            System.out.printf("bulk-loading to %,d stored events...%n", TOTAL);
            AuditBenchData.load(db.url(), db.user(), db.password(), TOTAL - EVENTS);
            List<Sample> samples = AuditBenchLatency.samples(db.url(), db.user(), db.password(), 5_000);
            Map<String, Function<Sample, String>> shapes = new java.util.LinkedHashMap<>();
            shapes.put("subject", s -> param("subject", s.subject()));
            shapes.put("type", s -> param("type", s.type()));
            shapes.put("correlationId", s -> param("correlationId", s.correlationId()));
            shapes.put("subject + type", s -> param("subject", s.subject()) + "&" + param("type", s.type()));
            shapes.put("subject + type + correlationId", s -> param("subject", s.subject()) + "&"
                    + param("type", s.type()) + "&" + param("correlationId", s.correlationId()));

            System.out.printf("%n| measure | result | goal |%n|---|---|---|%n");
            System.out.printf("| publish %,d events (producer, acks=all) | %,.0f events/s | |%n", EVENTS, publishRate);
            System.out.printf("| ingest backlog: first to last batch stored | %,.0f events/s | >= 5,000 |%n", ingestRate);
            System.out.printf("| ingest backlog: service start to all stored | %.1f s (%,.0f events/s incl. JVM start) | |%n",
                    wall, EVENTS / wall);
            for (var shape : shapes.entrySet()) {
                double[] ms = AuditBenchLatency.time(service.url(), service.token(), samples, shape.getValue(), 200,
                        REQUESTS);
                System.out.printf("| GET /audit/events?%s&limit=50 at %,d rows, p50 / p99 / max (ms, %,d calls) "
                        + "| %.1f / %.1f / %.1f | p99 < 50 |%n", shape.getKey(), TOTAL, REQUESTS,
                        percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1]);
            }
        }
    }
}
