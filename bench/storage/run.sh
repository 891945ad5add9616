#!/bin/sh
# Prune-planning benchmark: PrunePlanner vs the real sanoid 2.1.0 on the same history (see README.md).
# Usage: bench/storage/run.sh [snapshots]   (default 100000). Needs sanoid and faketime (Debian packages).
set -eu
cd "$(dirname "$0")/../.."
CP=$(bench/storage/classpath.sh)
[ -n "$CP" ] || { echo "could not read storage-service's test classpath from Maven" >&2; exit 1; }
exec java -cp "$CP" org.offops.storage.bench.PruneBench "${1:-100000}"
