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
  mail_hint="; emails in the SMTP sink's Maildir, ${secrets_file%/*}/mail"
else
  secrets_file=.data/embedded/secrets.json
  dev_secrets --json "$secrets_file"
  admin_password_hint="IDENTITY_ADMIN_PASSWORD in $secrets_file"
  mail_hint="; emails as .eml files in .data/embedded/mail"
fi

cat <<MSG

  Ecommerce on Dapr — profile: components/$profile

  Everything goes through the gateway:
    http://127.0.0.1:5100/swagger     every service's API (pick one top right), "Try it out" included
    curl http://127.0.0.1:5100/api/catalog/products?pageSize=3
    curl http://127.0.0.1:5100/api/storefront/products/<id>       product + price + availability

  The seeded admin: admin@ecommerce.local, password: $admin_password_hint.

  Walk through a purchase (paste into bash once the services are up; prices and stock arrive
  about a minute after the first start):
    GW=http://127.0.0.1:5100; J='Content-Type: application/json'; ME=me-\$RANDOM@example.com
    curl -s \$GW/api/identity/register -H "\$J" -d "{\\"email\\":\\"\$ME\\",\\"password\\":\\"Correct-Horse-Battery-9\\",\\"name\\":\\"Me\\"}"
    A="Authorization: Bearer \$(curl -s \$GW/api/identity/login -H "\$J" -d "{\\"email\\":\\"\$ME\\",\\"password\\":\\"Correct-Horse-Battery-9\\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')"
    PRODUCT=\$(curl -s "\$GW/api/catalog/products?pageSize=1&inStock=true&currency=EUR" | sed -E 's/.*"items":\\[\\{"id":"([^"]+)".*/\\1/')
    SKU=\$(curl -s \$GW/api/catalog/products/\$PRODUCT | sed -E 's/.*"sku":"([^"]+)".*/\\1/')
    curl -s \$GW/api/cart/lines -H "\$A" -H "\$J" -d "{\\"sku\\":\\"\$SKU\\",\\"quantity\\":1}"
    CARD=\$(curl -s \$GW/api/payments/methods -H "\$A" -H "\$J" -d '{"cardNumber":"4242424242424242","expiryMonth":12,"expiryYear":2030,"cvc":"123","holderName":"Me"}' | sed -E 's/.*"id":"([^"]+)".*/\\1/')
    ORDER=\$(curl -s \$GW/api/orders -H "\$A" -H "\$J" -H "Idempotency-Key: \$RANDOM\$RANDOM" -d "{\\"shippingAddress\\":{\\"recipient\\":\\"Me\\",\\"line1\\":\\"Unter den Linden 1\\",\\"city\\":\\"Berlin\\",\\"postalCode\\":\\"10115\\",\\"country\\":\\"DE\\"},\\"shippingMethod\\":\\"standard\\",\\"paymentMethodId\\":\\"\$CARD\\",\\"currency\\":\\"EUR\\"}" | sed -E 's/.*"orderId":"([^"]+)".*/\\1/')
    curl -s \$GW/api/orders/\$ORDER -H "\$A"        # submitted → confirmed in a second; shipped → delivered, a carrier step every 30 s
    curl -s \$GW/api/notifications/feed -H "\$A"     # in-app notifications$mail_hint
  Test cards: 4000000000000002 declined, 4000000000009235 fraud review (admin: POST
  /api/orders/admin/orders/<id>/fraud-review {"approve":true}); postal code 00000 cannot be shipped.
  The saga behind an order (admin token): GET /api/orders/admin/orders/<id>/saga.

  Each service also answers on its own port (/swagger, /healthz, /readyz, /metrics) beside its
  sidecar (/v1.0/metadata): gateway 5100/3500, catalog 5101/3501, pricing 5102/3502,
  inventory 5103/3503, cart 5104/3504, identity 5105/3505, payment 5106/3506, shipping 5107/3507,
  ordering 5108/3508, notification 5109/3509. Ctrl-C stops everything.

MSG
exec dotnet run --project tools/DaprLocal --no-build -- run -f dapr.yaml --resources-path "components/$profile"
