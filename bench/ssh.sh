#!/usr/bin/env bash
# Benchmark: offops' pooled SSH connection vs a fresh OpenSSH process per command (real sshd hosts on 127.0.0.61-70).
# Usage: bench/ssh.sh [-Dbench.single=300 -Dbench.spread=1000 -Dbench.threads=20]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl bench -am
./mvnw -B -q dependency:build-classpath -pl bench -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.offops.bench.SshBench
