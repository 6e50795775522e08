#!/usr/bin/env bash
# Refreshes the console's copy of Microsoft's sign-in library from the npm registry. The console has no build step:
# the Hub serves the library's own minified browser builds (UMD, globals `msal` and `msalRedirectBridge`) as static
# files, so script-src stays 'self'. To update: change the version in eng/msal-browser/package.json, run
#   npm install --prefix eng/msal-browser --package-lock-only && eng/msal-browser.sh
# and commit the lock file and wwwroot/vendor/msal-browser together (a test checks the shipped files' version).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix eng/msal-browser --no-audit --no-fund --loglevel=error >/dev/null
from=eng/msal-browser/node_modules/@azure/msal-browser
to=functions/Hub.Functions/WebConsole/wwwroot/vendor/msal-browser
mkdir -p "$to"
cp "$from/lib/msal-browser.min.js" "$from/lib/redirect-bridge/msal-redirect-bridge.min.js" "$to/"
cp "$from/LICENSE" "$to/LICENSE.txt"
echo "vendor/msal-browser: @azure/msal-browser $(node -p "require('./$from/package.json').version")"
