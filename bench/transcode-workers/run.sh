#!/usr/bin/env bash
# Benchmark of transcode-workers: a 60 s 1280x720 source (lavfi testsrc2 + sine, made at run time)
# through the real worker fleet on the embedded Kafka and S3 (ingest job, then the 360p/480p/720p HLS
# jobs the projector dispatches for a 720p source, storyboard on 720p), against ONE plain ffmpeg
# command making the same ladder (split → 3 × libx264/aac HLS), in the same run.
# Prints a Markdown row with both ratios; leaves it in transcode-workers/target/bench-result.md.
# Usage: bench/transcode-workers/run.sh [CONCURRENCY (default $WORKER_CONCURRENCY or 1)] [ROUNDS (default 1)]
set -euo pipefail
cd "$(dirname "$0")/../.."
CONCURRENCY="${1:-${WORKER_CONCURRENCY:-1}}"
ROUNDS="${2:-1}"
mvn -B -q -pl transcode-workers -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='io.mediaflow.workers.bench.TranscodeBenchIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmediaflow.bench.concurrency="$CONCURRENCY" -Dmediaflow.bench.rounds="$ROUNDS"
cat transcode-workers/target/bench-result.md
