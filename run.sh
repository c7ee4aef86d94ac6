#!/usr/bin/env bash
# Runs the platform on this machine with nothing else to install (the embedded profile).
# Today that is the catalog service alone, without a sidecar: DaprLocal (tools/DaprLocal),
# which will run every service beside its own Dapr-compatible sidecar, is not built yet.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build services/Catalog/Catalog.csproj --nologo -v quiet -clp:ErrorsOnly

url=http://127.0.0.1:5101
cat <<MSG

  catalog   $url/swagger   (OpenAPI UI)
            $url/healthz   (live)   $url/readyz (not ready: no Dapr sidecar runs yet)

  Without a sidecar, product reads and writes answer 503 Service Unavailable.
  Ctrl-C stops it.

MSG
APP_ID=catalog exec dotnet run --project services/Catalog/Catalog.csproj --no-build --no-launch-profile --urls "$url"
