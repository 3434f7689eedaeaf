#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on loopback for the store tests and prints its URL.
# Installs Debian's postgresql when no server binaries are found, creates a throwaway
# cluster (trust auth, loopback only) and starts it; does nothing when one already answers.
set -euo pipefail

PORT="${KAKANAI_TEST_PG_PORT:-55432}"
DATA="${KAKANAI_TEST_PG_DATA:-/tmp/kakanai-pgtest-$PORT}"
USER_NAME="kakanai"
URL="postgresql+psycopg://$USER_NAME@127.0.0.1:$PORT/kakanai_test"

log() { echo "postgres.sh: $*" >&2; }

pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_postgres() {
  log "installing Debian's postgresql"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    postgresql >/dev/null
}

# Run as the cluster's owner: PostgreSQL refuses to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

BIN="$(pg_bindir || true)"
if [ -z "$BIN" ]; then
  install_postgres
  BIN="$(pg_bindir)"
fi

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "creating a test cluster in $DATA"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -A trust -U "$USER_NAME" -E UTF8 --no-locale >/dev/null
fi
log "starting PostgreSQL on 127.0.0.1:$PORT"
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -o \
  "-p $PORT -c listen_addresses=127.0.0.1 -k $DATA -c fsync=off -c synchronous_commit=off" \
  start >/dev/null
"$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'kakanai_test'" | grep -q 1 ||
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" kakanai_test
echo "$URL"
