# Sourced by .ci/run: start a throwaway PostgreSQL on loopback for the outbox tests and export
# HANDOFF_TEST_POSTGRES_URL; it is stopped when the calling script exits.
if [[ ! -d /usr/lib/postgresql ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_data=$(mktemp -d /tmp/handoff-pg.XXXXXX)
chown postgres "$pg_data"
su postgres -c "$pg_bin/initdb -D $pg_data -A trust -U postgres" >/dev/null
su postgres -c "$pg_bin/pg_ctl -D $pg_data -w -l $pg_data/server.log \
    -o '-p 54329 -k /tmp -c listen_addresses=127.0.0.1' start" >/dev/null
trap 'su postgres -c "$pg_bin/pg_ctl -D $pg_data -m fast stop" >/dev/null 2>&1 || true' EXIT
export HANDOFF_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:54329/postgres"
