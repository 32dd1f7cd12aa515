#!/usr/bin/env bash
# Benchmarks (commands that print tables; never part of `make test`).
#   scripts/bench.sh ingest   ingestion throughput on the five seed roadmaps against the offline mirror
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  ingest)
    scripts/db.sh ensure >&2
    set -a; eval "$(scripts/db.sh env)"; set +a
    ./mvnw -B -q --no-transfer-progress -pl ingest -DskipTests test-compile
    ./mvnw -B -q --no-transfer-progress -pl ingest exec:java \
      -Dexec.mainClass=dev.groundwork.ingest.bench.IngestBench -Dexec.classpathScope=test
    ;;
  *)
    echo "usage: scripts/bench.sh ingest" >&2
    exit 2
    ;;
esac
