#!/usr/bin/env bash
# History growth (issue 12 item 2: activation must not replay a whole career), written to bench/RESULTS.md under "## history".
# One server process on PostgreSQL (tests/setup/20-postgres.sh, fsync on), load through Personnel.Client; each arm runs on
# a process of its own: "off" = --Grains:SnapshotEvery 0 (every activation replays the whole stream), "on" = the server's
# default snapshots. A server that does not know the option ignores it, and both arms are then today's behaviour.
#   1. cold activation vs history length: PER_TIER employees each with streams of about 50, 500 and 2,000 events (quarterly
#      grades, then overtime and late arrivals day by day since 2025, then qualifications), seeded through gRPC with
#      snapshots off; then per arm a fresh process and the first GetEmployee of each (answered by the grain: its
#      activation), one at a time; for "on" everyone is activated once first and the process restarted, so the
#      snapshots exist. Ratio cold(2,000)/cold(50) per arm, p50 and p99: flat ≈ 1.
#   2. a mixed load of SECONDS (after an untimed warm-up of the same mix): CALLERS callers on HOT employees per arm (their
#      own hot set, seeded alike) — attendance records and grade corrections that lengthen the streams, GetPostLevel,
#      GetTenure, ListGrades, ListHistory — while one reader activates the cold POOL (streams of POOL_EVENTS), each once,
#      evenly over the run; the server has no grain collection-age option, so cold reads are how activations happen.
#      Throughput per 30 s window; ratio last/first window per arm.
#
#   3. the snapshots stored at the end (Orleans' grain storage rows), bytes per group of employees.
#
#   bench/history/run.sh [seconds] [per_tier] [callers] [hot] [pool] [order]    defaults: 300 20 64 200 300 "off on"
#   (order: the arms of the mixed load, first to last)
#
# The driver is Program.cs (its commands are listed there); the servers are tests/Personnel.Cluster.Tests/Harness's.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
SECONDS_LOAD=${1:-300}
PER_TIER=${2:-20}
CALLERS=${3:-64}
HOT=${4:-200}
POOL=${5:-300}
ORDER=${6:-off on}
POOL_EVENTS=200
HOT_EVENTS=20
WARMUP=20

# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
# shellcheck source=/dev/null
source "$ROOT/tests/setup/20-postgres.sh"

build_driver "$ROOT/bench/history/Personnel.History.Bench.csproj"
WORK=$(mktemp -d /tmp/personnel-bench.XXXXXX)
on_exit "rm -rf $WORK"
SCHEMA="bench_hist_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
on_exit "$TOOL drop $SCHEMA"
# The server measured: whether it knows the option, and its last commit of the grains.
SNAPSHOTS=""
if grep -rq "SnapshotEvery" "$ROOT/src/Personnel.Grains" --include=*.cs; then
    SNAPSHOTS=$(git -C "$ROOT" log -1 --format='%h %s' -- src/Personnel.Grains | cut -c1-100)
fi

LOAD0=$(cut -d' ' -f1 /proc/loadavg)
echo "== seed: $PER_TIER employees per tier, pool $POOL × $POOL_EVENTS events, 2 hot sets of $HOT"
$TOOL seed "$SCHEMA" "$PER_TIER" "$POOL" "$POOL_EVENTS" "$HOT" "$HOT_EVENTS" | tee "$WORK/seed"
echo "== 1. cold activations"
for arm in off on; do
    $TOOL cold "$SCHEMA" "$arm" "$PER_TIER" "$POOL" >>"$WORK/cold"
    grep -c "^coldread $arm" "$WORK/cold"
done
echo "== 2. mixed load, $SECONDS_LOAD s per arm"
for arm in $ORDER; do
    $TOOL mixed "$SCHEMA" "$arm" "$SECONDS_LOAD" "$CALLERS" "$HOT" "$HOT_EVENTS" "$POOL" "$WARMUP" | tee -a "$WORK/mixed"
done
LOAD1=$(cut -d' ' -f1 /proc/loadavg)
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d personnel_test -At -F ' ' -c \
    "SELECT substring(grainidextensionstring from '^[a-z0-9]+-(?:on-|off-)?'), count(*), avg(length(payloadbinary))::bigint, max(length(payloadbinary))
     FROM $SCHEMA.orleansstorage WHERE graintypestring LIKE '%mploye%' GROUP BY 1 ORDER BY 1" | sed "s/^/snapshots /" | tee "$WORK/sizes" || true

COMMAND="bench/history/run.sh $SECONDS_LOAD $PER_TIER $CALLERS $HOT $POOL \"$ORDER\""
/usr/bin/python3 report.py "$WORK" "$ROOT/bench/RESULTS.md" "$COMMAND" "$(nproc)" "$LOAD0" "$LOAD1" "$SNAPSHOTS" \
    "$PER_TIER" "$CALLERS" "$HOT" "$POOL" "$POOL_EVENTS" "$HOT_EVENTS" "$WARMUP"
