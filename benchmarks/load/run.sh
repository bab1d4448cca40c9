#!/usr/bin/env bash
# Nectar and anvil under sustained ERC-20 transfer load, in one run, on the same workload.
# Installs the prerequisites (the pinned anvil from npm among them), builds this program in Release and runs it.
# Arguments go to the program; `run.sh --help` lists them. The report goes to stdout, progress to stderr.
# `nectar devnet` is started through the repository's ./nectar, which builds the node on first use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$root/benchmarks/load/Nectar.Benchmarks.Load.csproj"

"$root/scripts/bootstrap.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build "$project" -c Release --nologo --verbosity quiet >&2

# exec, so that Ctrl+C and SIGTERM reach the program, which stops the nodes on every way out.
exec env NECTAR_ROOT="$root" dotnet "$root/benchmarks/load/bin/Release/net10.0/Nectar.Benchmarks.Load.dll" \
  --anvil "$root/node_modules/.bin/anvil" --nectar "$root/nectar" "$@"
