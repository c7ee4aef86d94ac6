#!/usr/bin/env bash
# Runs the whole platform on this machine with nothing else to install: every service of
# dapr.yaml beside its own DaprLocal sidecar, on the embedded profile (SQLite state, in-memory
# pub/sub). `./run.sh --local` uses components/local instead (Redis, PostgreSQL, RabbitMQ on
# 127.0.0.1, installed and started by scripts/ensure-infrastructure.sh). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

profile=embedded
if [ "${1:-}" = "--local" ]; then
  profile=local
  # shellcheck source=scripts/infrastructure-env.sh
  . scripts/infrastructure-env.sh
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Ecommerce.sln --nologo -v quiet -clp:ErrorsOnly
mkdir -p .data/embedded

cat <<MSG

  Ecommerce on Dapr — profile: components/$profile

  catalog   app      http://127.0.0.1:5101/swagger    (OpenAPI UI; /healthz, /readyz, /metrics)
            sidecar  http://127.0.0.1:3501/v1.0/metadata
  pricing   app      http://127.0.0.1:5102/swagger    sidecar http://127.0.0.1:3502/v1.0/metadata
  inventory app      http://127.0.0.1:5103/swagger    sidecar http://127.0.0.1:3503/v1.0/metadata
  cart      app      http://127.0.0.1:5104/swagger    sidecar http://127.0.0.1:3504/v1.0/metadata

  Through a sidecar, as the services call each other:
    curl http://127.0.0.1:3501/v1.0/invoke/catalog/method/api/catalog/products/<id>
    curl -X POST http://127.0.0.1:3501/v1.0/invoke/pricing/method/api/pricing/quotes \
         -H 'Content-Type: application/json' -d '{"currency":"EUR","lines":[{"sku":"<sku>","quantity":2}]}'
    curl -X POST http://127.0.0.1:3501/v1.0/invoke/inventory/method/api/inventory/availability \
         -H 'Content-Type: application/json' -d '{"skus":["<sku>"]}'

  Admin endpoints (products, prices, stock) need an admin token from the identity service,
  which is not built yet.
  Ctrl-C stops everything.

MSG
exec dotnet run --project tools/DaprLocal --no-build -- run -f dapr.yaml --resources-path "components/$profile"
