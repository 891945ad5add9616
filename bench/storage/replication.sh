#!/bin/sh
# Replication-round benchmark: N datasets on off2, each pulled by T targets through the PACKAGED storage-service
# on the fleet-in-a-box (real sshd and syncoid; see README.md). Needs root, Debian syncoid and openssh-server.
# Usage: bench/storage/replication.sh [datasets=500] [targets=3] [per-host=2] [minutes=120: the run's budget]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl storage-service package -DskipTests
CP=$(bench/storage/classpath.sh)
[ -n "$CP" ] || { echo "could not read storage-service's test classpath from Maven" >&2; exit 1; }
exec java -Xmx512m -cp "$CP" org.offops.storage.bench.ReplicationRoundBench "${1:-500}" "${2:-3}" "${3:-2}" "${4:-120}"
