# Sourced by ./test.sh (and bench/storage/run.sh): starts a throwaway PostgreSQL for the storage tests.
# Debian's postgresql, a fresh `initdb` in a temporary folder, a free loopback port, fsync on (the
# crash and throughput tests are only meaningful with durable commits). Stopped and removed on exit.
# Exports PERSONNEL_TEST_PG (an Npgsql connection string); each test then makes its own schema.

apt_install postgresql postgresql-contrib

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "20-postgres.sh: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
    return 1
fi

# The server refuses to run as root: use Debian's `postgres` account when we are root.
PG_USER=$(id -un)
PG_RUN=()
if [ "$(id -u)" -eq 0 ]; then
    PG_USER=postgres
    PG_RUN=(runuser -u postgres --)
fi

PG_DIR=$(mktemp -d /tmp/personnel-pg.XXXXXX)
chown "$PG_USER" "$PG_DIR"
chmod 700 "$PG_DIR"
PG_PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

"${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
"${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on -c synchronous_commit=on -c max_connections=400 -c shared_buffers=256MB" >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
on_exit "${PG_RUN[*]} $PG_BIN/pg_ctl -D $PG_DIR/data -m immediate -w stop >/dev/null 2>&1; rm -rf $PG_DIR"

"${PG_RUN[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -q -c "CREATE DATABASE personnel_test" >/dev/null

export PERSONNEL_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Database=personnel_test"
export PERSONNEL_TEST_PG_BIN="$PG_BIN"
echo "   PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
