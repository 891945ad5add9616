#!/usr/bin/env bash
# Benchmark of proxy-service on the fleet-in-a-box (root, nginx-light, fail2ban, wrk): render + validate + apply
# 500 sites, then requests dropped during reloads under steady load. Prints figures; asserts nothing.
# Usage: bench/proxy/run.sh [-Dbench.sites=500 -Dbench.loadSeconds=20]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK="$ROOT/bench/proxy/.work"
cd "$ROOT"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

# proxy-service's classes and its test classpath (testkit's fleet box, remote's sshj executor)
./mvnw -B -q -o compile -pl proxy-service
./mvnw -B -q -o dependency:build-classpath -pl proxy-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath" >/dev/null
java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.repo="$ROOT" "$@" \
  -cp "$ROOT/proxy-service/target/classes:$(cat "$WORK/classpath")" "$ROOT/bench/proxy/ProxyBench.java"
