#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's packages) for the RunStore tests and prints the
# connection string. Usage: eval "$(scripts/postgres.sh start)"; scripts/postgres.sh stop
# (`scripts/postgres.sh running` exits 0 when it is up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${PG_TEST_DATA_DIR:-/tmp/orchestrator-pg}"
port="${PG_TEST_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    [ -n "$bin" ] || { echo "echo 'postgres.sh: PostgreSQL is not installed' >&2"; exit 0; }
    if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      rm -rf "$data"; mkdir -p "$data"
      [ "$(id -u)" = 0 ] && chown postgres "$data"
      as_pg "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
      as_pg "$bin/pg_ctl" -D "$data" -l "$data/log" -w \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
    fi
    version="$("$bin/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/')"
    echo "export BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$port"
    ;;
  running)
    [ -n "$bin" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
    ;;
  stop)
    [ -n "$bin" ] && as_pg "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
