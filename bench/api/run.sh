#!/usr/bin/env bash
# The public API under load, written to bench/RESULTS.md under "## api":
#   1. GetPostLevel through the whole server (auth, grain, read model, SQLite) under h2load, against the
#      bare-endpoint ceiling of bench/rpc (a Kestrel endpoint framing gRPC by hand), alternating, same run;
#   2. `personnel grades import` of ROWS rows (SQLite), timed end to end;
#   3. RecordQuarterlyGrade durable writes/s through gRPC on a throwaway PostgreSQL (fsync on), WRITERS
#      concurrent callers through Personnel.Client, quarter by quarter over WRITE-STAFF staff (each write a
#      distinct employee's grade for a distinct quarter) after an untimed warm-up on as many other staff;
#      the CPU each process spent per timed write is reported beside the rate.
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
RAW_PORT=$((PORT + 10))
ADMIN_KEY="bench-admin-$RANDOM$RANDOM"

command -v h2load >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null; }

echo "== build (Release)"
dotnet build -c Release -nologo -v quiet "$ROOT/src/Personnel.Server/Personnel.Server.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet "$ROOT/clients/Personnel.Cli/Personnel.Cli.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet "$ROOT/bench/rpc/Personnel.Rpc.Bench.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet Personnel.Api.Bench.csproj >/dev/null
SERVER_DLL="$ROOT/src/Personnel.Server/bin/Release/net10.0/Personnel.Server.dll"
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
    PERSONNEL_ADMIN_KEY=$ADMIN_KEY dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning "$@" >"$WORK/$name.log" 2>&1 &
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

echo "== 1. GetPostLevel vs the bare endpoint (SQLite)"
start_server sqlite --Storage:ConnectionString "$WORK/sqlite/personnel.db"
$TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-read r- 100 16 >/dev/null
$TOOL body "$WORK/postlevel.bin" r-7
printf '\0\0\0\0\0' >"$WORK/empty.bin"
dotnet "$ROOT/bench/rpc/bin/Release/net10.0/Personnel.Rpc.Bench.dll" "$RAW_PORT" >"$WORK/raw.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 100); do grep -q '^ready' "$WORK/raw.log" 2>/dev/null && break; sleep 0.2; done
RAW_PID=${PIDS[-1]}
# The bare endpoint of bench/rpc (a Kestrel handler framing gRPC by hand; same path length as its RPC).
BARE_PATH=/personnel.bench.Plain/Call
# Two rounds of warm-up of both (the JIT tiers up), then alternating rounds.
for _ in 1 2; do
    h2 api "$SERVER_PID" /personnel.v1.EmployeeService/GetPostLevel "$PORT" "$WORK/postlevel.bin" -H "authorization: Bearer $ADMIN_KEY" >/dev/null
    h2 raw "$RAW_PID" "$BARE_PATH" "$RAW_PORT" "$WORK/empty.bin" >/dev/null
done
: >"$WORK/reads"
for _ in $(seq 1 "$ROUNDS"); do
    h2 api "$SERVER_PID" /personnel.v1.EmployeeService/GetPostLevel "$PORT" "$WORK/postlevel.bin" -H "authorization: Bearer $ADMIN_KEY" >>"$WORK/reads"
    h2 raw "$RAW_PID" "$BARE_PATH" "$RAW_PORT" "$WORK/empty.bin" >>"$WORK/reads"
done
cat "$WORK/reads"
kill "$RAW_PID"

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

COMMAND="bench/api/run.sh $ROWS $WRITERS $WRITE_STAFF $ROUNDS"
/usr/bin/python3 - "$WORK/reads" "$WORK/writes" "$IMPORT_SECONDS" "$ROWS" "$ROOT/bench/RESULTS.md" "$COMMAND" "$(nproc)" "$WRITERS" "$CLIENTS" "$STREAMS" "$REQUESTS" <<'PY'
import os, datetime, statistics, sys
reads, writes, import_s, rows, target, command, cores, writers, clients, streams, requests = sys.argv[1:12]
import_s, rows = float(import_s), int(rows)
runs = {}
for line in open(reads):
    name, rps, p99, cpu, client = line.split()
    runs.setdefault(name, []).append((float(rps), int(p99), float(cpu), float(client)))
api_rps = statistics.median(r[0] for r in runs["api"]); raw_rps = statistics.median(r[0] for r in runs["raw"])
api_p99 = statistics.median(r[1] for r in runs["api"]); raw_p99 = statistics.median(r[1] for r in runs["raw"])
paired = statistics.median(a[0] / b[0] for a, b in zip(runs["api"], runs["raw"]))
api_cpu = statistics.median(r[2] for r in runs["api"]); raw_cpu = statistics.median(r[2] for r in runs["raw"])
api_client = statistics.median(r[3] for r in runs["api"]); raw_client = statistics.median(r[3] for r in runs["raw"])
w = {line.split()[0]: line.split()[1:] for line in open(writes) if line.strip()}
count, seconds, wps, p50, p99, gen_cpu = w["writes"]
server_ticks, pg_ticks, hz, load0, load1 = w["cpu"]
per_write = lambda cpu: f"{float(cpu) / int(count) * 1e6:,.0f} µs"
server_cpu, pg_cpu = int(server_ticks) / int(hz), int(pg_ticks) / int(hz)
total_cpu = server_cpu + pg_cpu + float(gen_cpu)
verdict = lambda ok: "met" if ok else "**not met**"
section = f"""## api

The public API end to end, {datetime.date.today().isoformat()}, {cores} cores shared by the load generator and
the server. Command: `{command}`.

| measure | result | baseline, same run | ratio | target |
|---|---|---|---|---|
| `GetPostLevel` (auth, the employee grain's post levels), h2load -n {requests} -c {clients} -m {streams} | {api_rps:,.0f} req/s, p99 {api_p99/1000:.1f} ms | bare endpoint of bench/rpc: {raw_rps:,.0f} req/s, p99 {raw_p99/1000:.1f} ms | {paired:.2f} × (paired median of {len(runs['api'])} alternating rounds) | ≥ 0.7 × ceiling: {verdict(paired >= 0.7)} |
| `RecordQuarterlyGrade`, durable (PostgreSQL, fsync on), {writers} concurrent callers via Personnel.Client, quarter by quarter over distinct staff | {float(wps):,.0f} writes/s ({count} writes in {float(seconds):.1f} s; p50 {float(p50):.0f} ms, p99 {float(p99):.0f} ms) | — | — | ≥ 5,000/s: {verdict(float(wps) >= 5000)} |
| `personnel grades import` of {rows:,} rows (SQLite), CLI process end to end | {import_s:.1f} s ({rows / import_s:,.0f} rows/s) | — | — | ≤ 30 s: {verdict(import_s <= 30)} |

CPU per timed write (user + system, from /proc): server {per_write(server_cpu)}, PostgreSQL {per_write(pg_cpu)}, load generator {per_write(gen_cpu)}; together {per_write(total_cpu)}, which on {cores} otherwise idle cores would allow at most {int(cores) * int(count) / total_cpu:,.0f} writes/s. Load average {load0} before the writes, {load1} after (other work shares the machine: the figures are noisy).

Rounds (req/s): GetPostLevel {", ".join(f"{r[0]:,.0f}" for r in runs["api"])}; bare {", ".join(f"{r[0]:,.0f}" for r in runs["raw"])}.
Serving process's CPU per request (user + system, /proc; median of the rounds): GetPostLevel {api_cpu:.1f} µs, bare endpoint {raw_cpu:.1f} µs (ratio {raw_cpu / api_cpu:.2f}); h2load's own, GetPostLevel {api_client:.1f} µs, bare endpoint {raw_client:.1f} µs.
"""
sys.path.insert(0, os.path.dirname(target))
from results import write_section
write_section(target, "api", section)
print(section)
PY
