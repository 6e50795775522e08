#!/usr/bin/env bash
# Measures the packaged handler's start: from starting the process, as the Functions host does, to /api/health
# answering 200, polled every 25 ms like the host polls a custom handler. Runs against Azurite (AZURITE_CONNECTION,
# or one started here on port 10700) with production settings and throwaway keys. Prints the wall time and the CPU
# time the process used until then (less disturbed than wall time on a busy machine).
# Usage: eng/start-time.sh [--package FILE] [--runs N]     (FILE defaults to artifacts/hub-functions.zip)
set -euo pipefail
cd "$(dirname "$0")/.."

package=artifacts/hub-functions.zip
runs=5
while [[ $# -gt 0 ]]; do
    case $1 in
        --package) package=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        *) echo "start-time: unknown argument $1" >&2; exit 2 ;;
    esac
done

app=$(mktemp -d)
started_azurite=0
cleanup() {
    [[ $started_azurite -eq 1 ]] && azurite_stop
    rm -rf "$app"
}
trap cleanup EXIT
unzip -q "$package" -d "$app"

if [[ -z ${AZURITE_CONNECTION:-} ]]; then
    source eng/azurite.sh
    azurite_start "${AZURITE_PORT:-10700}" memory
    started_azurite=1
fi

key=$(head -c 32 /dev/urandom | base64)
export ASPNETCORE_ENVIRONMENT=Production
export Hub__Storage__ConnectionString="$AZURITE_CONNECTION"
export Hub__Storage__NamePrefix=starttime
export Hub__PersonKey__Pepper="$key"
export Hub__Protection__Keys__k1="$key"
export Hub__Protection__CurrentKey=k1
export Hub__Auth__Authority="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
export Hub__Auth__Audience="00000000-0000-0000-0000-000000000000"

port=$(( 20000 + RANDOM % 20000 ))
times=()
cpus=()
tick=$(getconf CLK_TCK)
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    (cd "$app" && exec ./Hub.Functions --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
    pid=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health" || true) == 200 ]]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "start-time: the handler exited before answering" >&2
            exit 1
        fi
        sleep 0.025
    done
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    # utime and stime, fields 14 and 15 of /proc/<pid>/stat (the command name in field 2 has no spaces here).
    read -r -a stat < "/proc/$pid/stat"
    cpu=$(( (stat[13] + stat[14]) * 1000 / tick ))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    times+=("$elapsed")
    cpus+=("$cpu")
    echo "run $run: ${elapsed} ms wall, ${cpu} ms CPU"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "start to /api/health 200 over $runs runs: median $(median "${times[@]}") ms wall, $(median "${cpus[@]}") ms CPU"
