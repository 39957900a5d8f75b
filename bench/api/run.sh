#!/usr/bin/env bash
# The public API under load, written to bench/RESULTS.md under "## api":
#   1. GetPostLevel through the whole server (auth, grain, read model, SQLite) under h2load, against an empty
#      Grpc.AspNetCore unary handler in the same process (bench/api/host), alternating, same run;
#   2. `personnel grades import` of ROWS rows (SQLite), timed end to end;
#   3. RecordQuarterlyGrade durable writes/s through gRPC on a throwaway PostgreSQL (fsync on), WRITERS
#      concurrent callers through Personnel.Client, quarter by quarter over WRITE-STAFF staff (each write a
#      distinct employee's grade for a distinct quarter) after an untimed warm-up on as many other staff;
#      the CPU each process spent per timed write is reported beside the rate; against pgbench's rate of single-row
#      INSERTs (one transaction each, as many clients as writers) on the same PostgreSQL, same run.
#
#   bench/api/run.sh [rows] [writers] [write-staff] [rounds]    defaults: 100000 64 4000 3
#
# bench/api/writes.sh runs part 3 alone (and can alternate two server builds) for judging a write-path change.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
ROWS=${1:-100000}
WRITERS=${2:-64}
WRITE_STAFF=${3:-4000}
ROUNDS=${4:-3}
REQUESTS=100000
CLIENTS=16
STREAMS=16
PORT=${BENCH_PORT:-5401}
ADMIN_KEY="bench-admin-$RANDOM$RANDOM"

command -v h2load >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null; }

echo "== build (Release)"
dotnet build -c Release -nologo -v quiet host/Personnel.Api.BenchHost.csproj >/dev/null
dotnet build -c Release -nologo -v quiet "$ROOT/clients/Personnel.Cli/Personnel.Cli.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet Personnel.Api.Bench.csproj >/dev/null
# The real server with one more service, bench.v1.Baseline/Empty (an empty unary handler): host/Program.cs.
SERVER_DLL="$ROOT/bench/api/host/bin/Release/net10.0/Personnel.Api.BenchHost.dll"
CLI="dotnet $ROOT/clients/Personnel.Cli/bin/Release/net10.0/personnel.dll"
TOOL="dotnet bin/Release/net10.0/Personnel.Api.Bench.dll"

WORK=$(mktemp -d)
PIDS=()
CLEANUPS=()
cleanup() {
    local p i
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${CLEANUPS[$i]}" || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

start_server() { # name args... ; waits until the admin key answers
    local name=$1; shift
    PERSONNEL_ADMIN_KEY=$ADMIN_KEY dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$PORT" --Web:Urls none --Logging:LogLevel:Default=Warning "$@" >"$WORK/$name.log" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    for _ in $(seq 1 60); do
        $CLI --server "http://127.0.0.1:$PORT" --key "$ADMIN_KEY" keys list --json >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    cat "$WORK/$name.log"; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; }

# shellcheck source=cpu.sh
source "$ROOT/bench/api/cpu.sh"
# shellcheck source=h2.sh
source "$ROOT/bench/api/h2.sh"

echo "== 1. GetPostLevel vs an empty unary handler, same process (SQLite)"
start_server sqlite --Storage:ConnectionString "$WORK/sqlite/personnel.db"
$TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-read r- 100 16 >/dev/null
# One body for both: bench.v1.EmptyRequest has GetPostLevelRequest's field 1, so both read the same bytes.
$TOOL body "$WORK/postlevel.bin" r-7
EMPTY_PATH=/bench.v1.Baseline/Empty
# Two rounds of warm-up of both (the JIT tiers up), then alternating rounds.
for _ in 1 2; do
    h2 api "$SERVER_PID" /personnel.v1.EmployeeService/GetPostLevel "$PORT" "$WORK/postlevel.bin" -H "authorization: Bearer $ADMIN_KEY" >/dev/null
    h2 empty "$SERVER_PID" "$EMPTY_PATH" "$PORT" "$WORK/postlevel.bin" >/dev/null
done
: >"$WORK/reads"
for _ in $(seq 1 "$ROUNDS"); do
    h2 api "$SERVER_PID" /personnel.v1.EmployeeService/GetPostLevel "$PORT" "$WORK/postlevel.bin" -H "authorization: Bearer $ADMIN_KEY" >>"$WORK/reads"
    h2 empty "$SERVER_PID" "$EMPTY_PATH" "$PORT" "$WORK/postlevel.bin" >>"$WORK/reads"
done
cat "$WORK/reads"

echo "== 2. grades import of $ROWS rows (SQLite)"
STAFF=$(((ROWS + 2) / 3))
$TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-imp m- "$STAFF" 32
$TOOL csv "$WORK/grades.csv" m- "$ROWS"
start=$(date +%s.%N)
$CLI --server "http://127.0.0.1:$PORT" --key "$ADMIN_KEY" grades import "$WORK/grades.csv" --department d-imp | tee "$WORK/import.out"
end=$(date +%s.%N)
grep -q ": $ROWS rows: $ROWS recorded, 0 already recorded, 0 rejected." "$WORK/import.out"
IMPORT_SECONDS=$(/usr/bin/python3 -c "print(f'{$end - $start:.1f}')")
stop_server

echo "== 3. RecordQuarterlyGrade on PostgreSQL, $WRITERS writers"
apt_install() { local p; for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; return; }; done; }
on_exit() { CLEANUPS+=("$1"); }
# shellcheck source=/dev/null
source "$ROOT/tests/setup/20-postgres.sh"
start_server postgres --Storage:Provider postgres --Storage:ConnectionString "$PERSONNEL_TEST_PG" --Storage:Schema bench_api
# As many other staff are written first, untimed, while the server's JIT tiers up (it takes thousands of writes).
WARM_STAFF=$WRITE_STAFF
$TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-warm x- "$WARM_STAFF" 32
$TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-write w- "$WRITE_STAFF" 32
$TOOL writes "http://127.0.0.1:$PORT" "$ADMIN_KEY" x- "$WARM_STAFF" "$WRITERS"
# CPU seconds (user + system) of the server and of every PostgreSQL process (reaped children included)
# around the timed writes (the generator's start-up included, a few ms); the generator reports its own over its timed phase.
S0=$(ticks "$SERVER_PID"); P0=$(pg_ticks); LOAD0=$(cut -d' ' -f1 /proc/loadavg)
$TOOL writes "http://127.0.0.1:$PORT" "$ADMIN_KEY" w- "$WRITE_STAFF" "$WRITERS" | tee "$WORK/writes"
S1=$(ticks "$SERVER_PID"); P1=$(pg_ticks); LOAD1=$(cut -d' ' -f1 /proc/loadavg)
echo "cpu $(( S1 - S0 )) $(( P1 - P0 )) $(getconf CLK_TCK) $LOAD0 $LOAD1" | tee -a "$WORK/writes"
stop_server
# The same PostgreSQL's rate of durable single-row INSERTs (each its own transaction and fsync'd commit), with as many
# clients as the writers above: the floor a write through the whole service is compared with.
PSQL=("${PG_RUN[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d personnel_test -q)
"${PSQL[@]}" -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, client int NOT NULL, at timestamptz NOT NULL DEFAULT now())"
# The script lives in the database's own folder: pgbench runs as the database's account, which cannot read $WORK.
echo 'INSERT INTO bench_insert (client) VALUES (:client_id);' >"$PG_DIR/insert.sql"
chown "$PG_USER" "$PG_DIR/insert.sql"
"${PG_RUN[@]}" "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -n -c "$WRITERS" -j 2 -T 15 -f "$PG_DIR/insert.sql" personnel_test \
    | tee "$WORK/pgbench.out"
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | head -n 1)
echo "pgbench $PGBENCH_TPS" | tee -a "$WORK/writes"

COMMAND="bench/api/run.sh $ROWS $WRITERS $WRITE_STAFF $ROUNDS"
/usr/bin/python3 - "$WORK/reads" "$WORK/writes" "$IMPORT_SECONDS" "$ROWS" "$ROOT/bench/RESULTS.md" "$COMMAND" "$(nproc)" "$WRITERS" "$CLIENTS" "$STREAMS" "$REQUESTS" <<'PY'
import os, datetime, statistics, sys
reads, writes, import_s, rows, target, command, cores, writers, clients, streams, requests = sys.argv[1:12]
import_s, rows = float(import_s), int(rows)
runs = {}
for line in open(reads):
    name, rps, p99, cpu, client = line.split()
    runs.setdefault(name, []).append((float(rps), int(p99), float(cpu), float(client)))
api_rps = statistics.median(r[0] for r in runs["api"]); raw_rps = statistics.median(r[0] for r in runs["empty"])
api_p99 = statistics.median(r[1] for r in runs["api"]); raw_p99 = statistics.median(r[1] for r in runs["empty"])
paired = statistics.median(a[0] / b[0] for a, b in zip(runs["api"], runs["empty"]))
api_cpu = statistics.median(r[2] for r in runs["api"]); raw_cpu = statistics.median(r[2] for r in runs["empty"])
api_client = statistics.median(r[3] for r in runs["api"]); raw_client = statistics.median(r[3] for r in runs["empty"])
w = {line.split()[0]: line.split()[1:] for line in open(writes) if line.strip()}
count, seconds, wps, p50, p99, gen_cpu = w["writes"]
server_ticks, pg_ticks, hz, load0, load1 = w["cpu"]
pgbench_tps = float(w["pgbench"][0])
per_write = lambda cpu: f"{float(cpu) / int(count) * 1e6:,.0f} µs"
server_cpu, pg_cpu = int(server_ticks) / int(hz), int(pg_ticks) / int(hz)
total_cpu = server_cpu + pg_cpu + float(gen_cpu)
verdict = lambda ok: "met" if ok else "**not met**"
section = f"""## api

The public API end to end, {datetime.date.today().isoformat()}, {cores} cores shared by the load generator and
the server. Command: `{command}`.

| measure | result | baseline, same run | ratio | target |
|---|---|---|---|---|
| `GetPostLevel` (auth, the employee grain's post levels), h2load -n {requests} -c {clients} -m {streams} | {api_rps:,.0f} req/s, p99 {api_p99/1000:.1f} ms | empty Grpc.AspNetCore unary handler, same process: {raw_rps:,.0f} req/s, p99 {raw_p99/1000:.1f} ms | {paired:.2f} × (paired median of {len(runs['api'])} alternating rounds) | ≥ 0.90 × empty: {verdict(paired >= 0.9)} |
| `RecordQuarterlyGrade`, durable (PostgreSQL, fsync on), {writers} concurrent callers via Personnel.Client, quarter by quarter over distinct staff | {float(wps):,.0f} writes/s ({count} writes in {float(seconds):.1f} s; p50 {float(p50):.0f} ms, p99 {float(p99):.0f} ms) | pgbench, single-row INSERT per transaction, {writers} clients, same PostgreSQL: {pgbench_tps:,.0f}/s | {float(wps) / pgbench_tps:.2f} × | — |
| `personnel grades import` of {rows:,} rows (SQLite), CLI process end to end | {import_s:.1f} s ({rows / import_s:,.0f} rows/s) | — | — | ≤ 30 s: {verdict(import_s <= 30)} |

CPU per timed write (user + system, from /proc): server {per_write(server_cpu)}, PostgreSQL {per_write(pg_cpu)}, load generator {per_write(gen_cpu)}; together {per_write(total_cpu)}, which on {cores} otherwise idle cores would allow at most {int(cores) * int(count) / total_cpu:,.0f} writes/s. Load average {load0} before the writes, {load1} after (other work shares the machine: the figures are noisy).

Rounds (req/s): GetPostLevel {", ".join(f"{r[0]:,.0f}" for r in runs["api"])}; empty handler {", ".join(f"{r[0]:,.0f}" for r in runs["empty"])}.
Serving process's CPU per request (user + system, /proc; median of the rounds): GetPostLevel {api_cpu:.1f} µs, empty handler {raw_cpu:.1f} µs (ratio {raw_cpu / api_cpu:.2f}); h2load's own, GetPostLevel {api_client:.1f} µs, empty handler {raw_client:.1f} µs.
"""
sys.path.insert(0, os.path.dirname(target))
from results import write_section
write_section(target, "api", section)
print(section)
PY
