#!/usr/bin/env bash
# Installs and starts what the synthos-service integration tests need, and prints the environment
# variables those tests read, as shell exports on stdout (progress goes to stderr):
#
#   eval "$(.ci/services.sh start)"     # PostgreSQL on loopback, Prometheus and promtool, moto for S3
#   mvn -B -q -pl synthos-service -am verify
#   .ci/services.sh stop
#
# PostgreSQL runs as the postgres user (initdb refuses root) from a temporary directory on a free
# loopback port with trust authentication; nothing is written under /var/lib/postgresql.
set -euo pipefail

STATE_FILE="${SYNTHOS_SERVICES_STATE:-/tmp/synthos-ci-services.env}"
PG_BIN="${PG_BIN:-}"

log() { echo "services: $*" >&2; }

apt_install() {
  # Another job may hold the dpkg lock: retry for up to five minutes.
  local tries=0
  until DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      log "apt-get install $* failed"
      return 1
    fi
    log "apt busy; retrying in 10 s"
    sleep 10
  done
}

find_pg_bin() {
  if [ -n "$PG_BIN" ]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  echo "$d"
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$1"
  else
    bash -c "$1"
  fi
}

start() {
  local have_root=0
  [ "$(id -u)" -eq 0 ] && have_root=1

  # PostgreSQL
  local bin
  bin=$(find_pg_bin)
  if [ -z "$bin" ] && [ "$have_root" -eq 1 ]; then
    log "installing postgresql"
    apt_install postgresql || true
    bin=$(find_pg_bin)
  fi
  if [ -n "$bin" ]; then
    local dir port
    dir=$(mktemp -d /tmp/synthos-pg.XXXXXX)
    port=$(free_port)
    if [ "$have_root" -eq 1 ]; then chown postgres:postgres "$dir"; fi
    log "starting PostgreSQL from $bin in $dir on 127.0.0.1:$port"
    as_postgres "$bin/initdb -D $dir/data -U postgres -A trust -E UTF8 >$dir/initdb.log 2>&1 && \
      $bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1' -l $dir/server.log -w start >&2"
    {
      echo "PG_DIR=$dir"
      echo "PG_BIN_DIR=$bin"
    } >"$STATE_FILE"
    echo "export SYNTHOS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
    echo "export SYNTHOS_TEST_PG_USER=postgres"
    echo "export SYNTHOS_TEST_PG_BIN=$bin"
  else
    log "PostgreSQL not available; its tests will be skipped"
  fi

  # Prometheus (Debian's package; only the binary is used, the packaged daemon is not needed)
  if ! command -v prometheus >/dev/null && [ "$have_root" -eq 1 ]; then
    log "installing prometheus"
    apt_install prometheus || true
  fi
  if command -v prometheus >/dev/null; then
    echo "export SYNTHOS_TEST_PROMETHEUS=$(command -v prometheus)"
    # The same Debian package ships promtool, which unit-tests the alerting rules.
    if command -v promtool >/dev/null; then
      echo "export SYNTHOS_TEST_PROMTOOL=$(command -v promtool)"
    fi
  else
    log "prometheus not available; the scrape smoke test will be skipped"
  fi

  # The Kubernetes schema validator (deploy/kubernetes/validate): npm ci installs the pinned
  # kubernetes-models package, whose compiled schemas then validate offline.
  local k8s
  k8s="$(cd "$(dirname "$0")/.." && pwd)/deploy/kubernetes/validate"
  if command -v node >/dev/null && command -v npm >/dev/null && [ -f "$k8s/package-lock.json" ]; then
    if [ -d "$k8s/node_modules" ] || npm ci --prefix "$k8s" --no-audit --no-fund --loglevel=error >&2; then
      echo "export SYNTHOS_TEST_K8S_VALIDATE=$k8s"
    else
      log "npm ci in $k8s failed; the Kubernetes schema test will be skipped"
    fi
  else
    log "node or npm not available; the Kubernetes schema test will be skipped"
  fi

  # moto for the S3 API server (tests start it themselves on a free loopback port)
  local py
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -c "import moto.server" 2>/dev/null; then
      echo "export SYNTHOS_TEST_MOTO_PYTHON=$(command -v "$py")"
      return 0
    fi
  done
  log "moto not importable; the S3 tests will be skipped"
}

stop() {
  if [ -f "$STATE_FILE" ]; then
    # shellcheck disable=SC1090
    . "$STATE_FILE"
    if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
      log "stopping PostgreSQL in $PG_DIR"
      as_postgres "$PG_BIN_DIR/pg_ctl -D $PG_DIR/data -m fast stop >&2" || true
      rm -rf "$PG_DIR"
    fi
    rm -f "$STATE_FILE"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
