#!/usr/bin/env bash
# Storage benchmarks, one command: bench/storage/run.sh   (BENCH_SECONDS=N per measurement, default 5)
#
# Starts its own throwaway PostgreSQL (tests/setup/20-postgres.sh: fsync on), then measures on SQLite
# and on PostgreSQL: grade records appended per second (one stream; 1,000 streams in parallel) and the
# rotation-due query over a zone of 100,000 employees (p50, p99). Baselines in the same run: pgbench's
# single-row insert rate on the same server (before and after ours, averaged; 1 client, and 64), and
# SQLite's single-row insert rate on the same disk. Then the grain-level figures on a zone of 100,000
# employees with 10 years of history (GRAIN_ZONE=N to change): node start-up (against an empty store),
# memory per active grain, post-level read from an active and a cold grain (against the view-row read).
# Writes the `## storage` section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export ROOT

# shellcheck source=../common.sh
source bench/common.sh

# shellcheck source=../../tests/setup/20-postgres.sh
source tests/setup/20-postgres.sh
SECS=${BENCH_SECONDS:-5}
WORK=$(mktemp -d /tmp/personnel-bench.XXXXXX)
on_exit "rm -rf $WORK"

dotnet build bench/storage/Personnel.Storage.Bench -c Release -nologo -v quiet >/dev/null
BENCH=(dotnet bench/storage/Personnel.Storage.Bench/bin/Release/net10.0/Personnel.Storage.Bench.dll)

PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d personnel_test -q)
"${PSQL[@]}" -c "CREATE TABLE IF NOT EXISTS pgbench_single_row (id bigserial PRIMARY KEY, v bigint NOT NULL)"
echo 'INSERT INTO pgbench_single_row (v) VALUES (:client_id);' >"$WORK/insert.sql"
pgbench_tps() { # clients
    pgbench -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -n -f "$WORK/insert.sql" -c "$1" -j 2 -T "$SECS" personnel_test 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

echo "== pgbench baseline (before)"
{ echo "pgbench_c1_before $(pgbench_tps 1)"; echo "pgbench_c64_before $(pgbench_tps 64)"; } >"$WORK/pgbench.txt"
echo "== SQLite"
"${BENCH[@]}" sqlite "$WORK/bench.db" "$SECS" >"$WORK/sqlite.txt"
echo "== PostgreSQL"
"${BENCH[@]}" pg "$PERSONNEL_TEST_PG" "$SECS" >"$WORK/pg.txt"
echo "== grains on a zone of ${GRAIN_ZONE:-100000} employees with 10 years of history (SQLite, then PostgreSQL)"
"${BENCH[@]}" grains sqlite "$WORK/zone.db" "${GRAIN_ZONE:-100000}" >>"$WORK/sqlite.txt"
"${BENCH[@]}" grains pg "$PERSONNEL_TEST_PG" "${GRAIN_ZONE:-100000}" >>"$WORK/pg.txt"
echo "== pgbench baseline (after)"
{ echo "pgbench_c1_after $(pgbench_tps 1)"; echo "pgbench_c64_after $(pgbench_tps 64)"; } >>"$WORK/pgbench.txt"

/usr/bin/python3 bench/storage/report.py "$WORK" "$(nproc)" "$("$PG_BIN/postgres" --version | awk '{print $3}')" bench/RESULTS.md
sed -n '/^## storage/,/^## [^s]/p' bench/RESULTS.md
