#!/bin/sh
# Prune-planning benchmark: PrunePlanner vs the real sanoid 2.1.0 on the same history (see README.md).
# Usage: bench/storage/run.sh [snapshots]   (default 100000). Needs sanoid and faketime (Debian packages).
set -eu
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl storage-service test-compile
CP="storage-service/target/test-classes:storage-service/target/classes:$(./mvnw -o -q -pl storage-service \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
exec java -cp "$CP" org.offops.storage.bench.PruneBench "${1:-100000}"
