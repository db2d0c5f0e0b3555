#!/usr/bin/env bash
# Installs and starts a local PostgreSQL 15 for the tests, idempotently, and prints the
# environment the tests read (DANUBIA_TEST_PG_*). Source its output: eval "$(.ci/postgres.sh)".
set -euo pipefail

log() { echo "[postgres] $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done

port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
# A random password generated once per machine and kept outside the repository (0600), so running
# this again does not break shells that already exported it; nothing fixed to guess.
state="${XDG_STATE_HOME:-$HOME/.local/state}/danubia"
mkdir -p "$state"
if [ ! -s "$state/pg-test-password" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24 > "$state/pg-test-password")
fi
password=$(cat "$state/pg-test-password")
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'danubia_test') THEN
    CREATE ROLE danubia_test LOGIN;
  END IF;
END \$\$;
ALTER ROLE danubia_test WITH LOGIN PASSWORD '$password';
SQL
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='danubia_test'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O danubia_test danubia_test" >&2
fi
log "PostgreSQL $version ready on 127.0.0.1:$port, database danubia_test"
echo "export DANUBIA_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/danubia_test"
echo "export DANUBIA_TEST_PG_USER=danubia_test"
echo "export DANUBIA_TEST_PG_PASSWORD=$password"
