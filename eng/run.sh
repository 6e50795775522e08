#!/usr/bin/env bash
# Sets up and runs the Hub locally: installs and starts the pinned Azurite (data kept in .azurite/), builds and
# starts the Hub on http://127.0.0.1:7071 in Development, loads the sample feeds of the four departments, and
# prints how to push a feed and read a batch report. Ctrl+C stops the Hub and Azurite.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/azurite.sh

hub_url=http://127.0.0.1:7071
hub_pid=
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null
  azurite_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "Using the storage emulator already listening on 127.0.0.1:10000-10002."
  AZURITE_CONNECTION="UseDevelopmentStorage=true"
else
  echo "Starting Azurite (data in .azurite/data)..."
  AZURITE_LOG=.azurite/azurite.log azurite_start 10000 .azurite/data
fi

echo "Building the Hub..."
dotnet build functions/Hub.Functions -c Release -nologo -clp:ErrorsOnly -v:q
dotnet build tools/Hub.Cli -c Release -nologo -clp:ErrorsOnly -v:q
hub() { dotnet tools/Hub.Cli/bin/Release/net10.0/hub.dll "$@"; }

echo "Starting the Hub on $hub_url ..."
# Started from its own folder, as the Functions host does: that folder is its content root (appsettings.json).
(cd functions/Hub.Functions/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development \
  Hub__Storage__ConnectionString="$AZURITE_CONNECTION" Urls="$hub_url" exec dotnet Hub.Functions.dll) &
hub_pid=$!
for _ in $(seq 1 150); do
  curl -sf "$hub_url/api/health" >/dev/null 2>&1 && break
  kill -0 "$hub_pid" 2>/dev/null || { echo "The Hub did not start; see the messages above." >&2; exit 1; }
  sleep 0.2
done

echo "Loading the sample feeds (fictional people, fixed seed)..."
samples=.azurite/samples
hub samples --output "$samples" >/dev/null
for file in "$samples"/*; do
  source=$(basename "${file%.*}")
  [ "$source" = police-delta ] && continue
  hub push "$file" --source "$source" --hub "$hub_url" --wait || true
done
# The police delta reports deaths the register's snapshot predates: it comes after the snapshots.
hub push "$samples/police-delta.csv" --source police --mode delta --hub "$hub_url" --wait || true

cat <<TXT

The Hub is running on $hub_url (OpenAPI: $hub_url/api/openapi/v1.json). Ctrl+C stops it.

Web console: $hub_url/console (served at $hub_url/api/console/). Sign in as one of these fictional sample
identities (development only):
$(curl -sf "$hub_url/api/console/dev/identities.txt")

Push a feed as the civil-affairs department and follow its batch:
  export HUB_TOKEN=\$(dotnet tools/Hub.Cli/bin/Release/net10.0/hub.dll token --source civil-affairs)
  dotnet tools/Hub.Cli/bin/Release/net10.0/hub.dll push $samples/civil-affairs.csv --source civil-affairs --wait
or with curl:
  curl -i -X POST -H "Authorization: Bearer \$HUB_TOKEN" -H "Content-Type: text/csv" \\
       --data-binary @$samples/civil-affairs.csv $hub_url/api/feeds/civil-affairs
  curl -H "Authorization: Bearer \$HUB_TOKEN" $hub_url/api/feeds/civil-affairs/batches        # batch reports
  curl -H "Authorization: Bearer \$HUB_TOKEN" $hub_url/api/feeds/civil-affairs/batches/<id>/rejects
The cross-department checks' worklist (比对核查) of civil affairs, and of a district's officers (HUB_TOKEN left
empty: a development officer's token is minted):
  HUB_TOKEN= dotnet tools/Hub.Cli/bin/Release/net10.0/hub.dll worklist list --status open --department civil-affairs --hub $hub_url
  HUB_TOKEN= dotnet tools/Hub.Cli/bin/Release/net10.0/hub.dll worklist list --status open --division 110105000000 --hub $hub_url
More sample requests: Hub.http.
TXT
wait "$hub_pid"
