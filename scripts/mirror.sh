#!/usr/bin/env bash
# Serves the offline mirror of the seed roadmaps' resources (../shared/corpus/web, or GROUNDWORK_CORPUS_DIR)
# on 127.0.0.1 and prints the SPRING_APPLICATION_JSON that makes the app and the CLI fetch from it.
#   scripts/mirror.sh [PORT]   (default 8900)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -q --no-transfer-progress -pl ingest -DskipTests test-compile
exec ./mvnw -B -q --no-transfer-progress -pl ingest exec:java \
  -Dexec.mainClass=dev.groundwork.ingest.mirror.MirrorServer -Dexec.classpathScope=test -Dexec.args="${1:-8900}"
