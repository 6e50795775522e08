#!/usr/bin/env bash
# Regenerates shared/Hub.Core/Identity/Matching/Data/pinyin.txt, the character -> toneless pinyin table the matcher
# folds names with, from the pinyin-pro pinned in eng/pinyin/package-lock.json, and copies its licence beside it.
# Usage: eng/pinyin/regenerate.sh   (needs npm and node; then `git diff` shows the change, and the SHA-256 it prints
# goes into tests/Hub.Core.Tests/Identity/Matching/PinyinTableTests.cs and the README beside the table)
set -euo pipefail

hub_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data="$hub_root/shared/Hub.Core/Identity/Matching/Data"

# npm ci checks the tarball against the integrity the lock file records; node_modules/ is git-ignored.
npm ci --prefix "$hub_root/eng/pinyin" --no-audit --no-fund --loglevel=error >/dev/null
node "$hub_root/eng/pinyin/build.mjs" >"$data/pinyin.txt.tmp"
mv "$data/pinyin.txt.tmp" "$data/pinyin.txt"
cp "$hub_root/eng/pinyin/node_modules/pinyin-pro/LICENSE" "$data/pinyin-pro-LICENSE.txt"
echo "Wrote $data/pinyin.txt ($(wc -c <"$data/pinyin.txt") bytes), SHA-256 $(sha256sum "$data/pinyin.txt" | cut -d' ' -f1)"
