#!/usr/bin/env bash
# Builds the deployable package of the Hub: artifacts/hub-functions.zip, laid out as the Azure Functions host
# expects a custom handler:
#   host.json                  (customHandler.defaultExecutablePath = "Hub.Functions", the apphost)
#   Hub.Functions              the self-contained linux-x64 handler, executable, with its runtime beside it
#   sources/, rules/, policy/  the data files the Hub loads at start-up
#   <Function>/function.json   one folder per function, generated from the code (functions-metadata)
# The zip keeps unix permissions (the `zip` command stores them), so the executable bit survives deployment.
# Usage: eng/package.sh [--output FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

output=artifacts/hub-functions.zip
if [[ ${1:-} == --output ]]; then output=$2; fi
case $output in /*) ;; *) output="$PWD/$output" ;; esac

if ! command -v zip >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq zip >/dev/null
fi
if ! command -v zip >/dev/null; then
    echo "package: the zip command is needed (it stores unix permissions); install it, e.g. apt-get install zip" >&2
    exit 1
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

# Self-contained: the Functions Linux image need not carry the .NET 10 runtime the Hub is built for.
# ReadyToRun: the assemblies carry native code, so a cold instance does not JIT the Hub's start-up path before the
# host's first request (the host waits for the handler, and the caller waits for the host).
dotnet publish functions/Hub.Functions -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -nologo -clp:ErrorsOnly -o "$staging"
cp host.json "$staging/host.json"
chmod +x "$staging/Hub.Functions"

# The metadata command builds the endpoint table and exits before the host starts: it needs no storage, pepper
# or Entra settings, and it runs the very binary that is shipped, so the functions match what it serves.
"$staging/Hub.Functions" functions-metadata --output "$staging"

# Settings files for local work are not part of the package; Azure configuration comes from app settings.
rm -f "$staging/appsettings.Development.json"

mkdir -p "$(dirname "$output")"
rm -f "$output"
(cd "$staging" && zip -q -r -X "$output" .)
echo "package: $output ($(find "$staging" -name function.json | wc -l) functions)"
