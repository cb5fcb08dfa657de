#!/usr/bin/env bash
# Benchmark of asset-projector, each figure against a baseline measured in the same run (same JVM,
# same embedded Kafka broker and MongoDB-protocol server):
#  (a) upload events (start + chunks) through the real exactly-once topology and projection sink
#      into MongoDB, vs a plain read_committed consumer writing the same documents with the same
#      bulk upserts (Kafka + MongoDB without Streams state or transactions);
#  (b) replay of asset states into MongoDB, vs one plain bulk insert of the same documents.
# Prints a Markdown table (figure, baseline, ratio) and leaves it in asset-projector/target/bench-result.md.
# Usage: bench/asset-projector/run.sh [UPLOADS (1000)] [CHUNKS (100)] [REPLAY_STATES (10000)] [COMMIT_INTERVAL_MS (100, the default)]
set -euo pipefail
cd "$(dirname "$0")/../.."
UPLOADS="${1:-1000}"
CHUNKS="${2:-100}"
REPLAY_STATES="${3:-10000}"
COMMIT_INTERVAL_MS="${4:-100}"
mvn -B -q -pl asset-projector -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='io.mediaflow.projector.bench.ProjectorThroughputBench' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dprojector.itGroups=bench \
  -Dbench.assets="$UPLOADS" -Dbench.chunks="$CHUNKS" -Dbench.replay-states="$REPLAY_STATES" \
  -Dbench.commit-interval-ms="$COMMIT_INTERVAL_MS"
cat asset-projector/target/bench-result.md
