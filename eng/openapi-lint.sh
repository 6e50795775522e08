#!/usr/bin/env bash
# Lints an OpenAPI document with the pinned Redocly CLI (eng/openapi/package-lock.json) by the rules in
# eng/openapi/redocly.yaml. Any problem, warning or error, fails: a warning that is accepted is a rule turned off in
# that file, with the reason. Usage: eng/openapi-lint.sh <document.json>
set -euo pipefail
hub_root=$(cd "$(dirname "$0")/.." && pwd)
document=$(realpath "$1")

openapi_lint_install() {
  if [ ! -x "$hub_root/eng/openapi/node_modules/.bin/redocly" ]; then
    echo "Installing Redocly CLI 2.77.0 from npm..." >&2
    npm ci --prefix "$hub_root/eng/openapi" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

openapi_lint_install
# No telemetry and no update check: the linter must not reach beyond the package registry, in CI least of all.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
status=0
output=$("$hub_root/eng/openapi/node_modules/.bin/redocly" lint "$document" --config "$hub_root/eng/openapi/redocly.yaml" \
  --format stylish --max-problems 200 2>&1) || status=$?
# The CLI frames a notice about the Node.js versions its next releases need; it says nothing about the document.
output=$(grep -v '[║╔╚]' <<<"$output" | sed '/^[[:space:]]*$/d')
echo "$output"
if [ "$status" -ne 0 ] || grep -Eq 'You have [0-9]+ warning' <<<"$output"; then
  echo "openapi: the document has problems" >&2
  exit 1
fi
