#!/usr/bin/env bash
# Sets up and runs every test of the Hub: installs the pinned Azurite, starts it in memory on its own ports
# (so a running development Hub is not disturbed), builds, runs all test projects, stops Azurite, and prints
# one summary line. Exit code: 0 only when every test passed.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/azurite.sh
source eng/browser.sh

configuration=${CONFIGURATION:-Release}
results=$(mktemp -d)
trap 'azurite_stop; rm -rf "$results"' EXIT

browser_install
# Playwright drives /usr/bin/chromium; its own browser download cannot reach its servers from here.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# What the OpenAPI tests run: the pinned linter (eng/openapi, from npm) and client generator (.config/dotnet-tools.json).
[ -x eng/openapi/node_modules/.bin/redocly ] || npm ci --prefix eng/openapi --no-audit --no-fund --loglevel=error >/dev/null
# The OpenID provider the browser tests sign in at (eng/oidc-provider, from npm).
[ -d eng/oidc-provider/node_modules/oidc-provider ] || npm ci --prefix eng/oidc-provider --no-audit --no-fund --loglevel=error >/dev/null
dotnet tool restore >/dev/null
azurite_start "${HUB_TEST_AZURITE_PORT:-10100}" memory
export HUB_TEST_STORAGE="$AZURITE_CONNECTION"

dotnet build Hub.sln -c "$configuration" -nologo -clp:ErrorsOnly
status=0
dotnet test Hub.sln -c "$configuration" --no-build -nologo --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log" || status=$?

# Sum the runner's per-assembly lines ("Passed!  - Failed: 0, Passed: 52, Skipped: 0, Total: 52") into one.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { f += $2; p += $4; s += $6 } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$results/console.log"
exit "$status"
