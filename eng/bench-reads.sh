#!/usr/bin/env bash
# Runs the read benchmark: starts the pinned Azurite in memory on ports 10800-10802 and the Hub as a real process
# (Release, Development) on 127.0.0.1:7800, loads N persons (seeded: the police and civil-affairs feeds' rows written
# straight into storage by the Hub's own merge code, after a check that it writes what the feeds write; or with
# --load feeds, pushed through the Hub's feeds), then drives, with the pinned autocannon and 16 connections, a raw
# single-entity Azurite read, person detail and division lists, and prints p50/p95/p99, requests/s, storage
# operations and audit events per request, and the p95 ratios to the raw read.
# Usage: eng/bench-reads.sh [--persons N] [--duration S] [--warmup S] [--connections C] [--load seed|feeds]
#        (default 200000, 20, 5, 16, seed)
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/azurite.sh

port=${HUB_BENCH_READS_PORT:-10800}
hub_url=http://127.0.0.1:${HUB_BENCH_READS_HUB_PORT:-7800}
hub_pid=
cleanup() {
  if [ -n "$hub_pid" ] && kill -0 "$hub_pid" 2>/dev/null; then
    kill "$hub_pid" 2>/dev/null || true
    wait "$hub_pid" 2>/dev/null || true
  fi
  azurite_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -d eng/loadgen/node_modules/autocannon ]; then
  echo "Installing autocannon 8.0.0 from npm..." >&2
  npm ci --prefix eng/loadgen --no-audit --no-fund --loglevel=error >/dev/null
fi

# A 200,000-person store and the audit rows of the scenarios outgrow Node's default heap.
NODE_OPTIONS="--max-old-space-size=${HUB_BENCH_AZURITE_HEAP_MB:-16384}" azurite_start "$port" memory
dotnet build tests/Hub.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q >&2

# The Hub as it runs in Azure: its own process, started from its folder. Rate limits are raised so the limiter does
# not decide the figures; the audit trail stays on (every read is written to the chain before it is answered).
(cd functions/Hub.Functions/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Development \
  Hub__Storage__ConnectionString="$AZURITE_CONNECTION" Urls="$hub_url" \
  Hub__RateLimits__TokenLimit=1000000 Hub__RateLimits__TokensPerPeriod=1000000 \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning \
  dotnet Hub.Functions.dll) &
hub_pid=$!
for _ in $(seq 1 150); do
  curl -sf "$hub_url/api/health" >/dev/null 2>&1 && break
  kill -0 "$hub_pid" 2>/dev/null || { echo "The Hub did not start; see the messages above." >&2; exit 1; }
  sleep 0.2
done

HUB_BENCH_STORAGE="$AZURITE_CONNECTION" dotnet tests/Hub.Benchmarks/bin/Release/net10.0/Hub.Benchmarks.dll reads \
  --hub "$hub_url" --loadgen eng/loadgen/measure.js "$@"
