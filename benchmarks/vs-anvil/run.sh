#!/usr/bin/env bash
# Nectar's EVM against anvil in one run, on identical inputs with identical results.
# Installs the prerequisites (the pinned anvil from npm among them), builds this program in Release and runs it.
# Arguments go to the program; `run.sh --help` lists them. The report goes to stdout, progress to stderr.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$root/benchmarks/vs-anvil/Nectar.Benchmarks.VsAnvil.csproj"

"$root/scripts/bootstrap.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build "$project" -c Release --nologo --verbosity quiet >&2

# exec, so that Ctrl+C and SIGTERM reach the program, which stops anvil on every way out.
exec dotnet "$root/benchmarks/vs-anvil/bin/Release/net10.0/Nectar.Benchmarks.VsAnvil.dll" \
  --anvil "$root/node_modules/.bin/anvil" "$@"
