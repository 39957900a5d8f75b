#!/usr/bin/env bash
# Part 1 of run.sh alone, for judging a change to the GetPostLevel path: each server is started on a fresh SQLite
# database and seeded, then warmed up, and ROUNDS rounds of h2load alternate GetPostLevel with the bare endpoint of
# bench/rpc; every round prints req/s, p99 and the CPU (user + system, /proc) the serving process spent per request.
# Writes nothing to RESULTS.md.
#
#   bench/api/reads.sh [rounds]       default: 3
#
# SERVERS="dirA dirB" (folders holding a built Personnel.Server.dll) alternates those servers (paired A/B runs),
# REPEAT times (default 1); default: this worktree's Release build.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
ROUNDS=${1:-3}
REPEAT=${REPEAT:-1}
REQUESTS=100000
PORT=${BENCH_PORT:-5431}
RAW_PORT=$((PORT + 10))
# The bare endpoint of bench/rpc (a Kestrel handler framing gRPC by hand; same path length as its RPC).
BARE_PATH=/personnel.bench.Plain/Call
ADMIN_KEY="bench-admin-$RANDOM$RANDOM"

command -v h2load >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null; }
dotnet build -c Release -nologo -v quiet "$ROOT/src/Personnel.Server/Personnel.Server.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet "$ROOT/clients/Personnel.Cli/Personnel.Cli.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet "$ROOT/bench/rpc/Personnel.Rpc.Bench.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet Personnel.Api.Bench.csproj >/dev/null
read -r -a SERVER_DIRS <<<"${SERVERS:-$ROOT/src/Personnel.Server/bin/Release/net10.0}"
CLI="dotnet $ROOT/clients/Personnel.Cli/bin/Release/net10.0/personnel.dll"
TOOL="dotnet bin/Release/net10.0/Personnel.Api.Bench.dll"

WORK=$(mktemp -d)
PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
CLIENTS=16
STREAMS=16
# shellcheck source=cpu.sh
source "$ROOT/bench/api/cpu.sh"
# shellcheck source=h2.sh
source "$ROOT/bench/api/h2.sh"

dotnet "$ROOT/bench/rpc/bin/Release/net10.0/Personnel.Rpc.Bench.dll" "$RAW_PORT" >"$WORK/raw.log" 2>&1 &
RAW_PID=$!
PIDS+=("$RAW_PID")
for _ in $(seq 1 100); do grep -q '^ready' "$WORK/raw.log" 2>/dev/null && break; sleep 0.2; done
printf '\0\0\0\0\0' >"$WORK/empty.bin"

n=0
for _ in $(seq 1 "$REPEAT"); do
    for dir in "${SERVER_DIRS[@]}"; do
        n=$((n + 1))
        PERSONNEL_ADMIN_KEY=$ADMIN_KEY dotnet "$dir/Personnel.Server.dll" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning \
            --Storage:ConnectionString "$WORK/db$n/personnel.db" >"$WORK/server.log" 2>&1 &
        SERVER_PID=$!
        PIDS+=("$SERVER_PID")
        for _ in $(seq 1 60); do
            $CLI --server "http://127.0.0.1:$PORT" --key "$ADMIN_KEY" keys list --json >/dev/null 2>&1 && break
            sleep 0.5
        done
        $TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-read r- 100 16 >/dev/null
        $TOOL body "$WORK/postlevel.bin" r-7
        echo "== $dir (load $(cut -d' ' -f1 /proc/loadavg))"
        for _ in 1 2; do # warm-up, untimed: the JIT tiers up
            h2 warm "$SERVER_PID" /personnel.v1.EmployeeService/GetPostLevel "$PORT" "$WORK/postlevel.bin" -H "authorization: Bearer $ADMIN_KEY" >/dev/null
            h2 warm "$RAW_PID" "$BARE_PATH" "$RAW_PORT" "$WORK/empty.bin" >/dev/null
        done
        for _ in $(seq 1 "$ROUNDS"); do
            h2 api "$SERVER_PID" /personnel.v1.EmployeeService/GetPostLevel "$PORT" "$WORK/postlevel.bin" -H "authorization: Bearer $ADMIN_KEY" \
                | awk '{printf "%s %s req/s p99 %s us cpu %s us/req h2load %s us/req\n", $1, $2, $3, $4, $5}'
            h2 raw "$RAW_PID" "$BARE_PATH" "$RAW_PORT" "$WORK/empty.bin" | awk '{printf "%s %s req/s p99 %s us cpu %s us/req h2load %s us/req\n", $1, $2, $3, $4, $5}'
        done
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    done
done
