#!/usr/bin/env bash
# Installs the pinned Azurite (eng/azurite/package-lock.json) and starts it in the background.
# Usage: source eng/azurite.sh; azurite_start <blob-port> <data-folder|memory>; ... azurite_stop
set -euo pipefail

hub_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

azurite_install() {
  if [ ! -x "$hub_root/eng/azurite/node_modules/.bin/azurite" ]; then
    echo "Installing Azurite 3.37.0 from npm..."
    npm ci --prefix "$hub_root/eng/azurite" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

# azurite_start BLOB_PORT DATA: DATA is a folder for persistent data, or "memory".
# Queue and table listen on BLOB_PORT+1 and BLOB_PORT+2. Sets AZURITE_PID and AZURITE_CONNECTION.
azurite_start() {
  local blob=$1 data=$2 queue=$(( $1 + 1 )) table=$(( $1 + 2 ))
  azurite_install
  local storage=(--inMemoryPersistence)
  if [ "$data" != "memory" ]; then
    mkdir -p "$data"
    storage=(--location "$data")
  fi
  # --skipApiVersionCheck: the Azure SDK may speak a newer storage API version than this Azurite knows.
  "$hub_root/eng/azurite/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableProductStyleUrl "${storage[@]}" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"${AZURITE_LOG:-/dev/null}" 2>&1 &
  AZURITE_PID=$!
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  AZURITE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite failed to start (ports $blob-$table in use?)" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "Azurite did not open port $table in time" >&2
  return 1
}

azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    # Azurite waits for idle keep-alive connections on SIGTERM; give it five seconds, then end it.
    kill "$AZURITE_PID" 2>/dev/null || true
    for _ in $(seq 1 25); do
      kill -0 "$AZURITE_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=
}
