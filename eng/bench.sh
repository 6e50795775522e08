#!/usr/bin/env bash
# Runs the ingestion benchmark: starts the pinned Azurite in memory on ports 10200-10202, pushes one large CSV
# feed through the Hub (in-process, over HTTP on loopback) and prints, from that one run, the Hub's end-to-end
# records/s, the raw Azurite rate for the same number of entities, their ratio and storage operations per record.
# With --push it measures push delivery instead: N persons seeded, a push subscription with a receiver on loopback,
# an N-row police delta that changes every person, and the delivery of its change events (README, "Benchmarks").
# With --store N it pushes an R-row delta (--rows, default 10000; --unusable-ids SHARE without a usable ID) into a store
# of N seeded persons and prints the time and the storage requests per record by table and kind.
# Usage: eng/bench.sh [--rows N]   (default 100000); eng/bench.sh --push [--rows N]   (default 10000);
#        eng/bench.sh --store N [--rows R] [--unusable-ids SHARE]
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/azurite.sh
trap azurite_stop EXIT

# A store of 200,000 persons and its delta outgrow Node's default heap.
NODE_OPTIONS="--max-old-space-size=${HUB_BENCH_AZURITE_HEAP_MB:-16384}" azurite_start "${HUB_BENCH_AZURITE_PORT:-10200}" memory
dotnet build tests/Hub.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q
HUB_BENCH_STORAGE="$AZURITE_CONNECTION" dotnet tests/Hub.Benchmarks/bin/Release/net10.0/Hub.Benchmarks.dll "$@"
