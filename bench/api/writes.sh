#!/usr/bin/env bash
# Part 3 of run.sh alone, for judging a change to the grade write path: RecordQuarterlyGrade on a throwaway
# PostgreSQL (fsync on), WRITERS callers, quarter by quarter over STAFF staff after an untimed warm-up on as
# many others; prints writes/s and the CPU (user + system, /proc) per timed write of the server, PostgreSQL
# and the generator. Writes nothing to RESULTS.md.
#
#   bench/api/writes.sh [writers] [staff] [rounds]       defaults: 64 3000 2
#
# SERVERS="dirA dirB" (folders holding a built Personnel.Server.dll) alternates those servers round by round,
# each on a fresh schema (paired A/B runs); default: this worktree's Release build. GENERATORS="dirA dirB" (folders
# holding a built Personnel.Api.Bench.dll) does the same for the load generator, paired with SERVERS by position
# (one folder is used for every server).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
WRITERS=${1:-64}
STAFF=${2:-3000}
ROUNDS=${3:-2}
PORT=${BENCH_PORT:-5421}
ADMIN_KEY="bench-admin-$RANDOM$RANDOM"

dotnet build -c Release -nologo -v quiet "$ROOT/src/Personnel.Server/Personnel.Server.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet "$ROOT/clients/Personnel.Cli/Personnel.Cli.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet Personnel.Api.Bench.csproj >/dev/null
SERVERS=${SERVERS:-$ROOT/src/Personnel.Server/bin/Release/net10.0}
CLI="dotnet $ROOT/clients/Personnel.Cli/bin/Release/net10.0/personnel.dll"
read -r -a SERVER_DIRS <<<"$SERVERS"
read -r -a GENERATOR_DIRS <<<"${GENERATORS:-$PWD/bin/Release/net10.0}"

WORK=$(mktemp -d)
SERVER_PID=
CLEANUPS=()
cleanup() {
    local i
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${CLEANUPS[$i]}" || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
apt_install() { local p; for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; return; }; done; }
on_exit() { CLEANUPS+=("$1"); }
# shellcheck source=/dev/null
source "$ROOT/tests/setup/20-postgres.sh"
# shellcheck source=cpu.sh
source "$ROOT/bench/api/cpu.sh"
HZ=$(getconf CLK_TCK)
n=0
for round in $(seq 1 "$ROUNDS"); do
    for i in "${!SERVER_DIRS[@]}"; do
        dir=${SERVER_DIRS[$i]}
        TOOL="dotnet ${GENERATOR_DIRS[$i]:-${GENERATOR_DIRS[0]}}/Personnel.Api.Bench.dll"
        n=$((n + 1))
        PERSONNEL_ADMIN_KEY=$ADMIN_KEY dotnet "$dir/Personnel.Server.dll" --urls "http://127.0.0.1:$PORT" --Web:Urls none --Logging:LogLevel:Default=Warning \
            --Storage:Provider postgres --Storage:ConnectionString "$PERSONNEL_TEST_PG" --Storage:Schema "bench_w$n" >"$WORK/server.log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 60); do
            $CLI --server "http://127.0.0.1:$PORT" --key "$ADMIN_KEY" keys list --json >/dev/null 2>&1 && break
            sleep 0.5
        done
        $TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-warm x- "$STAFF" 32 >/dev/null
        $TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-write w- "$STAFF" 32 >/dev/null
        $TOOL writes "http://127.0.0.1:$PORT" "$ADMIN_KEY" x- "$STAFF" "$WRITERS" >/dev/null
        S0=$(ticks "$SERVER_PID"); P0=$(pg_ticks); L0=$(cut -d' ' -f1 /proc/loadavg)
        OUT=$($TOOL writes "http://127.0.0.1:$PORT" "$ADMIN_KEY" w- "$STAFF" "$WRITERS")
        S1=$(ticks "$SERVER_PID"); P1=$(pg_ticks)
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
        /usr/bin/python3 - "$round" "$dir" "$OUT" $((S1 - S0)) $((P1 - P0)) "$HZ" "$L0" "$TOOL" <<'PY'
import sys
rnd, d, out, s, p, hz, load, tool = sys.argv[1:9]
_, count, secs, wps, p50, p99, gen = out.split()
us = lambda cpu: float(cpu) / int(count) * 1e6
sv, pg, g = us(int(s) / int(hz)), us(int(p) / int(hz)), us(gen)
print(f"round {rnd} {d} ({tool}): {float(wps):,.0f} writes/s p50 {p50} ms p99 {p99} ms | µs/write server {sv:.0f} pg {pg:.0f} gen {g:.0f} total {sv + pg + g:.0f} | load {load}")
PY
    done
done
