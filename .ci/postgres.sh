# Sourced by .ci/run: installs Debian's PostgreSQL if needed, starts a
# private server on a loopback port (data in a temporary directory, run as
# the postgres user) and exports GAIANET_TEST_POSTGRES, the DSN the domain's
# store tests use (each test creates and drops its own database).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing: postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${GAIANET_PGPORT:-55432}
PGROOT=$(mktemp -d)
chown postgres "$PGROOT"
runpg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
runpg "$PGBIN/initdb -D $PGROOT/data -A trust -U postgres >/dev/null"
runpg "$PGBIN/pg_ctl -D $PGROOT/data -l $PGROOT/log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=on' start >/dev/null"
trap 'runpg "$PGBIN/pg_ctl -D $PGROOT/data -m fast stop" >/dev/null 2>&1 || true' EXIT
export GAIANET_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PGPORT/postgres?sslmode=disable"
echo "PostgreSQL from $PGBIN on 127.0.0.1:$PGPORT"
