# Sourced by run.sh --local and test.sh: makes sure Redis, PostgreSQL and RabbitMQ run on
# 127.0.0.1 (scripts/ensure-infrastructure.sh) and exports where they are and how to log in
# (ECOMMERCE_REDIS_HOST, ECOMMERCE_POSTGRES_CONNECTION, ECOMMERCE_RABBITMQ_URL, ...).
"$(dirname "${BASH_SOURCE[0]}")/ensure-infrastructure.sh"
set -a
# shellcheck disable=SC1091
. "${ECOMMERCE_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/ecommerce}/infrastructure.env"
set +a
