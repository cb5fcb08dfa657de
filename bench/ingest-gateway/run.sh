#!/usr/bin/env bash
# Benchmark + memory proof of ingest-gateway: one tus upload of BYTES through a gateway JVM running
# with -Xmx${XMX}, versus a direct S3 putObject of the same bytes to the same on-disk S3Proxy store,
# in the same run. Prints a Markdown row and leaves it in ingest-gateway/target/bench-result.md.
# Usage: bench/ingest-gateway/run.sh [BYTES (default 2 GiB)] [XMX (default 256m)]
set -euo pipefail
cd "$(dirname "$0")/../.."
BYTES="${1:-2147483648}"
XMX="${2:-256m}"
mvn -B -q -pl ingest-gateway -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='io.mediaflow.ingest.bench.IngestBenchIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmediaflow.bench.bytes="$BYTES" -Dmediaflow.bench.xmx="$XMX"
cat ingest-gateway/target/bench-result.md
