#!/usr/bin/env bash
# Benchmark: one release deployed by deploy-service (packaged, as in production) to 5 and to 25 app containers of
# the fleet-in-a-box over real SSH, then the same steps by Ansible (deploy.yml, pipelining on, forks = hosts)
# against the same hosts. Prints wall times and ratio, webhook -> first remote command p50/p99, and offops'
# overhead between steps. Not a test: it prints figures. Needs root (fleet-in-a-box) and Debian's ansible.
# Usage: bench/deploy/run.sh [containers...]     (default: 5 25; -Dbench.rounds=N via BENCH_OPTS)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK="$ROOT/bench/deploy/.work"
cd "$ROOT"
mkdir -p "$WORK"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(5 25)

./mvnw -B -o -q package -Dmaven.test.skip=true -pl deploy-service
./mvnw -B -o -q test-compile -pl deploy-service >/dev/null
./mvnw -B -o -q dependency:build-classpath -pl deploy-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/deploy.classpath" >/dev/null
CP="$ROOT/deploy-service/target/classes:$ROOT/deploy-service/target/test-classes:$(cat "$WORK/deploy.classpath")"

INFRA_PID=
stop_infra() {
  [ -n "$INFRA_PID" ] || return 0
  kill -TERM "$INFRA_PID" 2>/dev/null || true
  wait "$INFRA_PID" 2>/dev/null || true
  [ -n "${OFFOPS_KAFKA_PID:-}" ] && kill -TERM "$OFFOPS_KAFKA_PID" 2>/dev/null || true
}
trap stop_infra EXIT INT TERM
if [ -z "${OFFOPS_KAFKA_BOOTSTRAP:-}" ]; then
  # A broker and PostgreSQL of our own, as ./offops does.
  rm -f "$WORK/infra.env"
  java -Xmx256m -cp "$CP" org.offops.testkit.InfraMain --dir "$WORK" --env-file "$WORK/infra.env" \
    --topics "$ROOT/deploy/kafka/topics.conf" >"$WORK/infra.log" 2>&1 &
  INFRA_PID=$!
  for _ in $(seq 600); do
    [ -f "$WORK/infra.env" ] && break
    kill -0 "$INFRA_PID" 2>/dev/null || { tail -20 "$WORK/infra.log" >&2; exit 1; }
    sleep 0.2
  done
  set -a
  # shellcheck disable=SC1091
  . "$WORK/infra.env"
  set +a
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(ansible --version 2>/dev/null | sed -n 1p)"
rm -rf "$WORK"/fleet-* "$WORK"/po-* "$WORK"/assets-*
for n in "${SIZES[@]}"; do
  # shellcheck disable=SC2086
  java -Xmx512m -Dbench.root="$ROOT" -Dbench.containers="$n" ${BENCH_OPTS:-} -cp "$CP" \
    "$ROOT/bench/deploy/DeployBench.java"
done
# the boxes are stopped by the benchmark; their files (hosts, clones, releases) are not worth keeping
rm -rf "$WORK"/fleet-* "$WORK"/po-* "$WORK"/assets-*
