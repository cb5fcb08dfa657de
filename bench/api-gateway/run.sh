#!/usr/bin/env bash
# Benchmark of api-gateway's GET /api/assets/{id}: the built jar (own JVM, -Xmx${XMX}) with the Redis
# cache on and off, versus direct reactive-driver find({_id}) reads of the same documents from the same
# MongoDB at the same concurrency, measured in the same run (before and after the gateway runs).
# Prints a Markdown table and leaves it in api-gateway/target/bench-result.md.
# Usage: bench/api-gateway/run.sh [SECONDS (default 20)] [CLIENTS (default 16)] [XMX (default 256m)] [WARMUP s (default 60)]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-20}"
CLIENTS="${2:-16}"
XMX="${3:-256m}"
WARMUP="${4:-60}"
mvn -B -q -pl api-gateway -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='io.mediaflow.api.bench.AssetReadBenchIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmediaflow.bench.seconds="$SECONDS_EACH" -Dmediaflow.bench.clients="$CLIENTS" \
  -Dmediaflow.bench.xmx="$XMX" -Dmediaflow.bench.warmup="$WARMUP"
cat api-gateway/target/bench-result.md
