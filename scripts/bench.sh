#!/usr/bin/env bash
# Benchmarks (commands that print tables; never part of `make test`).
#   scripts/bench.sh ingest              ingestion throughput on the five seed roadmaps against the offline mirror
#   scripts/bench.sh retrieval [--tune]  retrieval quality on SciFact (shared/bench/scifact): nDCG@10, Recall@100;
#                                        --tune first evaluates fusion settings on the train split
#   scripts/bench.sh answers             time to first token added by the answer service, over a stub model, at 1,
#                                        10 and 100 streams and at fixed arrival rates; queries embedded per second
#                                        one by one vs micro-batched; the query cache on repeated questions
#   scripts/bench.sh offline             offline answers (no model) per second and time to first token at 1, 10 and
#                                        200 concurrent questions, sentence cache off (baseline) and on (cold, warm)
#   scripts/bench.sh cards               offline flashcards on every topic of the seed roadmaps: coverage, checks,
#                                        duplicates, speed, and 20 sample cards to read
#   scripts/bench.sh reviews             100 learners with 10,000 cards studying at once: queue and grade p50/p95,
#                                        and the FSRS scheduler's raw rate
#   scripts/bench.sh streams [answers|progress]
#                                        500 answer streams at 20 tokens/s over a stub model (errors, first token,
#                                        added inter-token gap, heap per stream) beside the stub read directly, and
#                                        2,000 idle progress streams held with heartbeats (database load, heap)
#   scripts/bench.sh scale [--sizes N,…] vector search at scale: synthetic sets of SciFact chunks (default 100000;
#                                        e.g. --sizes 100000,1000000), HNSW recall@10 and latency against exact search,
#                                        everything and one roadmap of 100; -Dbench.db=<name> keeps the sets
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Runs a benchmark class of the api module's tests with the database ready. Built in the reactor, so the bench runs
# against this checkout's ingest module, not a jar in ~/.m2. BENCH_JAVA_OPTS passes JVM options (e.g. -Dbench.db=…).
api_bench() {
  scripts/db.sh ensure >&2
  set -a; eval "$(scripts/db.sh env)"; set +a
  ./mvnw -B -q --no-transfer-progress -pl api -am -Dskip.npm=true -DskipTests test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  java ${BENCH_JAVA_OPTS:-} -cp "api/target/test-classes:api/target/classes:$(cat api/target/bench.classpath)" "$@"
}

case "${1:-}" in
  ingest)
    scripts/db.sh ensure >&2
    set -a; eval "$(scripts/db.sh env)"; set +a
    ./mvnw -B -q --no-transfer-progress -pl ingest -DskipTests test-compile
    ./mvnw -B -q --no-transfer-progress -pl ingest exec:java \
      -Dexec.mainClass=dev.groundwork.ingest.bench.IngestBench -Dexec.classpathScope=test
    ;;
  retrieval)
    api_bench dev.groundwork.api.retrieval.bench.RetrievalBench "${@:2}"
    ;;
  answers)
    api_bench dev.groundwork.api.answer.bench.AnswerLatencyBench
    ;;
  offline)
    api_bench dev.groundwork.api.answer.bench.OfflineAnswerBench
    ;;
  cards)
    api_bench dev.groundwork.api.flashcard.CardsBench
    ;;
  reviews)
    api_bench dev.groundwork.api.review.bench.ReviewBench
    ;;
  streams)
    api_bench dev.groundwork.api.streams.bench.StreamsBench "${@:2}"
    ;;
  scale)
    api_bench dev.groundwork.api.retrieval.bench.ScaleBench "${@:2}"
    ;;
  *)
    echo "usage: scripts/bench.sh ingest | retrieval [--tune] | answers | offline | cards | reviews | streams [answers|progress] | scale [--sizes N,…]" >&2
    exit 2
    ;;
esac
