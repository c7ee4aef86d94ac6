#!/usr/bin/env bash
# Makes sure Redis, PostgreSQL, RabbitMQ and an SMTP sink are installed and running on 127.0.0.1,
# for the integration tests and the `local` component profile. Idempotent and non-interactive:
# it installs from Debian packages only what is missing (as root, or through sudo), starts
# only what is not answering, and leaves running servers alone.
#
# Credentials: a role/user `ecommerce` whose password is generated once per machine and kept
# in $ECOMMERCE_STATE_DIR/infrastructure.env (mode 600, outside the repository). Source that
# file to get ECOMMERCE_REDIS_HOST, ECOMMERCE_POSTGRES_CONNECTION, ECOMMERCE_RABBITMQ_URL and
# ECOMMERCE_INFRA_PASSWORD, ECOMMERCE_SMTP_HOST and ECOMMERCE_SMTP_PORT. Nothing here listens on
# anything but loopback.
#
# The SMTP sink (aiosmtpd, port 2525) accepts every message without authentication and stores it,
# unsent, in the Maildir $ECOMMERCE_STATE_DIR/mail (new/ holds one file per message).
set -euo pipefail

state_dir="${ECOMMERCE_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/ecommerce}"
credentials="$state_dir/infrastructure.env"

# The Debian package serves the system interpreter, whatever python3 comes first on PATH (pyenv, venvs).
system_python=/usr/bin/python3

log() { printf '[infrastructure] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for_port() {
  local port=$1 name=$2
  for _ in $(seq 1 120); do port_open "$port" && return 0; sleep 0.5; done
  log "$name did not open port $port in 60 s"; return 1
}

install_missing_packages() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
  "$system_python" -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    # Package scripts try to start services through an init system the machine may not have;
    # we start them ourselves below, so a failed auto-start is not an error.
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
      as_root dpkg --configure -a >/dev/null 2>&1 || true
      command -v redis-server >/dev/null && command -v pg_ctlcluster >/dev/null && command -v rabbitmq-server >/dev/null &&
        "$system_python" -c 'import aiosmtpd' 2>/dev/null
    }
  fi
}

ensure_credentials() {
  mkdir -p "$state_dir"
  if [ ! -s "$credentials" ]; then
    local password
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    umask 077
    cat >"$credentials" <<ENV
ECOMMERCE_INFRA_PASSWORD=$password
ECOMMERCE_REDIS_HOST=127.0.0.1:6379
ECOMMERCE_POSTGRES_CONNECTION="host=127.0.0.1 port=5432 user=ecommerce password=$password database=ecommerce"
ECOMMERCE_RABBITMQ_URL=amqp://ecommerce:$password@127.0.0.1:5672
ENV
  fi
  # Lines added after a machine's file was made: appended when missing, the rest is left as it is.
  grep -q '^ECOMMERCE_SMTP_HOST=' "$credentials" || echo 'ECOMMERCE_SMTP_HOST=127.0.0.1' >>"$credentials"
  grep -q '^ECOMMERCE_SMTP_PORT=' "$credentials" || echo 'ECOMMERCE_SMTP_PORT=2525' >>"$credentials"
  chmod 600 "$credentials"
  # shellcheck disable=SC1090
  . "$credentials"
}

start_redis() {
  if port_open 6379; then return; fi
  log "starting Redis on 127.0.0.1:6379"
  redis-server --bind 127.0.0.1 --port 6379 --protected-mode yes --save '' --appendonly no --daemonize yes >/dev/null
  wait_for_port 6379 Redis
}

start_postgres() {
  local version cluster
  version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n1); cluster=main
    as_root pg_createcluster "$version" "$cluster" >/dev/null
  fi
  # Debian's postgresql.conf reads conf.d/: our settings go there, the packaged file stays untouched.
  echo "listen_addresses = '127.0.0.1'" | as_root tee "/etc/postgresql/$version/$cluster/conf.d/ecommerce.conf" >/dev/null
  if ! port_open 5432; then
    log "starting PostgreSQL $version/$cluster on 127.0.0.1:5432"
    as_root pg_ctlcluster "$version" "$cluster" start
    wait_for_port 5432 PostgreSQL
  fi
  as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecommerce') THEN CREATE ROLE ecommerce LOGIN CREATEDB; END IF;
END \$\$;
ALTER ROLE ecommerce WITH LOGIN CREATEDB PASSWORD '$ECOMMERCE_INFRA_PASSWORD';
SQL
  if ! as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'ecommerce'\"" | grep -q 1; then
    as_root su postgres -c "createdb -O ecommerce ecommerce"
  fi
}

start_rabbitmq() {
  as_root mkdir -p /etc/rabbitmq
  # Loopback only: AMQP, Erlang distribution and epmd.
  as_root tee /etc/rabbitmq/rabbitmq-env.conf >/dev/null <<'CONF'
NODE_IP_ADDRESS=127.0.0.1
NODENAME=rabbit@localhost
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
  if ! port_open 5672; then
    log "starting RabbitMQ on 127.0.0.1:5672"
    as_root env ERL_EPMD_ADDRESS=127.0.0.1 rabbitmq-server -detached >/dev/null 2>&1 || true
    wait_for_port 5672 RabbitMQ
  fi
  as_root rabbitmqctl -q await_startup >/dev/null
  if ! as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qx ecommerce; then
    as_root rabbitmqctl -q add_user ecommerce "$ECOMMERCE_INFRA_PASSWORD" >/dev/null
  else
    as_root rabbitmqctl -q change_password ecommerce "$ECOMMERCE_INFRA_PASSWORD" >/dev/null
  fi
  as_root rabbitmqctl -q set_user_tags ecommerce administrator >/dev/null
  as_root rabbitmqctl -q set_permissions -p / ecommerce '.*' '.*' '.*' >/dev/null
}

start_smtp_sink() {
  local mail="$state_dir/mail"
  # Maildir layout: the handler writes into tmp/ and moves each finished message to new/.
  mkdir -p "$mail/tmp" "$mail/new" "$mail/cur"
  if port_open 2525; then return; fi
  log "starting the SMTP sink on 127.0.0.1:2525 (Maildir $mail)"
  # Mailbox appends each message to the Maildir as it arrives; setsid + nohup detach it from this shell.
  setsid nohup "$system_python" -m aiosmtpd -n -l 127.0.0.1:2525 -c aiosmtpd.handlers.Mailbox "$mail" \
    >"$state_dir/smtp-sink.log" 2>&1 </dev/null &
  wait_for_port 2525 "SMTP sink"
}

install_missing_packages
ensure_credentials
start_redis
start_postgres
start_rabbitmq
start_smtp_sink
log "Redis, PostgreSQL, RabbitMQ and the SMTP sink are up on 127.0.0.1 (credentials: $credentials)"
