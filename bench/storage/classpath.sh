#!/bin/sh
# Prints storage-service's test classpath (compiling first), read from Maven's debug output of test-compile:
# works offline, where maven-dependency-plugin's build-classpath cannot resolve its own dependencies.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -o -X -pl storage-service test-compile | sed -n 's/^\[DEBUG\]   (f) testPath = \[\(.*\)\]$/\1/p' \
  | head -1 | sed 's/, /:/g'
