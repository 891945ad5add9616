#!/usr/bin/env bash
# Benchmark: the audit journal of inventory-service, packaged and run as in production, on a real Kafka broker and
# PostgreSQL: (a) ingestion rate of a 200,000-event backlog over the five offops topics, (b) GET /audit/events
# latency p50/p99 at 1,000,000 stored events. Not a test: it prints figures, it asserts nothing.
# Usage: bench/audit/run.sh [-Dbench.events=200000 -Dbench.total=1000000 -Dbench.requests=2000
#                            -Dbench.javaOpts="-Xms256m -Xmx512m"]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK="$ROOT/bench/audit/.work"
cd "$ROOT"
mkdir -p "$WORK"

./mvnw -B -q install -Dmaven.test.skip=true -pl inventory-service,bench -am
./mvnw -B -q dependency:build-classpath -pl bench -Dmdep.outputFile="$WORK/bench.classpath" >/dev/null
./mvnw -B -q dependency:build-classpath -pl testkit -Dmdep.outputFile="$WORK/testkit.classpath" \
  -Dmdep.includeScope=runtime >/dev/null

# A fresh broker with the topics of deploy/kafka/topics.conf, and PostgreSQL (local or embedded), as ./offops does.
rm -f "$WORK/infra.env"
java -Xmx256m -cp "$ROOT/testkit/target/classes:$(cat "$WORK/testkit.classpath")" org.offops.testkit.InfraMain \
  --dir "$WORK" --env-file "$WORK/infra.env" --topics "$ROOT/deploy/kafka/topics.conf" >"$WORK/infra.log" 2>&1 &
INFRA_PID=$!
stop_infra() {
  kill -TERM "$INFRA_PID" 2>/dev/null || true
  wait "$INFRA_PID" 2>/dev/null || true
  # The broker is the launcher's child; make sure it went with it.
  [ -n "${OFFOPS_KAFKA_PID:-}" ] && kill -TERM "$OFFOPS_KAFKA_PID" 2>/dev/null || true
}
trap stop_infra EXIT INT TERM
for _ in $(seq 600); do
  [ -f "$WORK/infra.env" ] && break
  kill -0 "$INFRA_PID" 2>/dev/null || { tail -20 "$WORK/infra.log" >&2; exit 1; }
  sleep 0.2
done
set -a
# shellcheck disable=SC1091
. "$WORK/infra.env"
set +a

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
  -cp "$ROOT/bench/target/classes:$(cat "$WORK/bench.classpath")" org.offops.bench.AuditBench
