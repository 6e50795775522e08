#!/usr/bin/env bash
# Builds and lints every Bicep template in infra/ with the pinned Bicep CLI from its NuGet package (restored here,
# so it works offline from the package cache and on a fresh machine). Any diagnostic, warning or error, fails.
# Usage: eng/bicep.sh [--quiet] [--outdir DIR]   (--outdir keeps the compiled ARM JSON there, for the tests)
set -euo pipefail
cd "$(dirname "$0")/.."

quiet=0
keep=
while [[ $# -gt 0 ]]; do
    case $1 in
        --quiet) quiet=1; shift ;;
        --outdir) keep=$2; shift 2 ;;
        *) echo "bicep: unknown argument $1" >&2; exit 2 ;;
    esac
done

bicep_version=0.49.2
dotnet restore eng/bicep/Bicep.proj -nologo -v quiet >/dev/null
packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')
bicep="$packages/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
# NuGet does not keep the executable bit on every platform.
chmod +x "$bicep"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The CLI must not try to reach the network (telemetry) in CI.
export BICEP_TELEMETRY_ENABLED=false

failed=0
shopt -s nullglob
for template in infra/*.bicep infra/modules/*.bicep; do
    # `build` and `lint` both print diagnostics as "path(line,col) : Warning|Error rule: message" on stderr.
    for verb in build lint; do
        args=("$verb" "$template")
        [[ $verb == build ]] && args+=(--outdir "$out")
        if ! diagnostics=$("$bicep" "${args[@]}" 2>&1) || [[ -n $diagnostics ]]; then
            echo "bicep $verb $template:"
            echo "$diagnostics"
            failed=1
        fi
    done
done
for parameters in infra/*.bicepparam; do
    if ! diagnostics=$("$bicep" build-params "$parameters" --outfile "$out/$(basename "$parameters").json" 2>&1) || [[ -n $diagnostics ]]; then
        echo "bicep build-params $parameters:"
        echo "$diagnostics"
        failed=1
    fi
done

if [[ $failed -ne 0 ]]; then
    echo "bicep: diagnostics found" >&2
    exit 1
fi
if [[ -n $keep ]]; then
    mkdir -p "$keep"
    cp "$out"/*.json "$keep"/
fi
[[ $quiet -eq 1 ]] || echo "bicep: every template in infra/ builds and lints clean (Bicep CLI $bicep_version)"
