#!/usr/bin/env bash
# Load test on the dev stack (issue #8): UPLOADERS concurrent chunked uploads plus RATE API reads/s for
# SECONDS, against the four services started from their jars on the embedded servers; then every
# uploaded asset must become READY. Prints one Markdown row (also in system-tests/target/load-result.md).
# The reads come from a driver JVM of its own (ReadDriver) over at most CONNECTIONS keep-alive
# connections; its log is system-tests/target/load-read-driver.log, its figures load-reads.properties.
# Before the window the driver sends the same reads for WARMUP seconds, not counted (a cold gateway's
# JIT is still compiling its request path), then the uploads and the measured window start together.
# Usage: bench/load/run.sh [UPLOADERS (50)] [RATE (500)] [SECONDS (120)] [WORKERS (2)] [CONNECTIONS (128)] [WARMUP (60)] [-Dmaven.options...]
# e.g. -Dmediaflow.services.nice.ingest-gateway=5 runs that service at nice 5
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f api-gateway/target/api-gateway.jar ] || mvn -B -q -DskipTests package
mvn -B -q -pl system-tests -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='io.mediaflow.system.load.LoadBenchIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmediaflow.bench.load=true -Dmediaflow.bench.uploaders="${1:-50}" -Dmediaflow.bench.rate="${2:-500}" \
  -Dmediaflow.bench.seconds="${3:-120}" -Dmediaflow.bench.workers="${4:-2}" \
  -Dmediaflow.bench.connections="${5:-128}" -Dmediaflow.bench.warmup="${6:-60}" -Dmediaflow.services.jit=full "${@:7}"
cat system-tests/target/load-result.md
