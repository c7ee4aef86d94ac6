#!/usr/bin/env bash
# Installs what the tests need (Redis, PostgreSQL, RabbitMQ from Debian packages, on
# 127.0.0.1; the JavaScript workflow peer from npm), builds the solution with warnings as
# errors and runs every test project. Exits non-zero on any failure. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=scripts/infrastructure-env.sh
. scripts/infrastructure-env.sh

# The JavaScript durable-task peer that the workflow engine is tested against (versions pinned by its lock file).
npm ci --prefix tests/DaprLocal.Tests/DurableTaskJs --no-audit --no-fund --loglevel=error

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Ecommerce.sln --nologo -v quiet -clp:ErrorsOnly

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --results-directory "$results" --logger "trx;LogFileName=$name.trx" || status=1
done

# One closing line for the whole run, summed over every project's .trx.
python3 - "$results" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
exit $status
