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

# The identity service's signing key, data-protection key and admin password: made once per
# machine (tools/DevSecrets), kept outside git, read by the sidecar's secret store.
dev_secrets() { dotnet run --project tools/DevSecrets --no-build -- "$@"; }
if [ "$profile" = local ]; then
  secrets_file="${ECOMMERCE_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/ecommerce}/identity-secrets.env"
  dev_secrets --env "$secrets_file"
  set -a
  # shellcheck disable=SC1090
  . "$secrets_file"
  set +a
  admin_password_hint="ECOMMERCE_IDENTITY_ADMIN_PASSWORD in $secrets_file"
else
  secrets_file=.data/embedded/secrets.json
  dev_secrets --json "$secrets_file"
  admin_password_hint="IDENTITY_ADMIN_PASSWORD in $secrets_file"
fi

cat <<MSG

  Ecommerce on Dapr — profile: components/$profile

  Everything goes through the gateway:
    http://127.0.0.1:5100/swagger     every service's API (pick one top right), "Try it out" included
    curl http://127.0.0.1:5100/api/catalog/products?pageSize=3
    curl http://127.0.0.1:5100/api/storefront/products/<id>       product + price + availability

  Sign in (admin@ecommerce.local, password: $admin_password_hint):
    curl -X POST http://127.0.0.1:5100/api/identity/login -H 'Content-Type: application/json' \\
         -d '{"email":"admin@ecommerce.local","password":"<password>"}'
    then send  -H "Authorization: Bearer <accessToken>"  to admin endpoints.
  Register a customer: POST /api/identity/register {"email","password","name"}.

  Each service also answers on its own port (/swagger, /healthz, /readyz, /metrics) beside its
  sidecar (/v1.0/metadata): gateway 5100/3500, catalog 5101/3501, pricing 5102/3502,
  inventory 5103/3503, cart 5104/3504, identity 5105/3505, payment 5106/3506, shipping 5107/3507.
  Ctrl-C stops everything.

MSG
exec dotnet run --project tools/DaprLocal --no-build -- run -f dapr.yaml --resources-path "components/$profile"
