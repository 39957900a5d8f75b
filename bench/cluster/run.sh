#!/usr/bin/env bash
# Server processes on one PostgreSQL (issue 12 item 9), written to bench/RESULTS.md under "## cluster":
#   1. RecordQuarterlyGrade durable writes/s (PostgreSQL started by tests/setup/20-postgres.sh, fsync on) through one
#      server process and through three on the same database: STAFF staff × the four quarters of 2024, WRITERS callers
#      through Personnel.Client, the writes of the i-th member of staff sent to node i mod n, after an untimed warm-up of
#      as many writes on other staff; each round runs both (alternating which goes first), each on a fresh schema; the
#      ratio 3/1 is the median of the rounds' own ratios;
#   2. failover: three nodes under the same load, one killed with SIGKILL a third of the way in; the time from the kill
#      to the first answer (GetEmployee, answered by the employee's grain) of its staff on the survivors, and to the
#      last of them; median of FAILOVERS rounds. Every write of every round must be acknowledged, or the script fails.
#
#   bench/cluster/run.sh [staff] [writers] [rounds] [failovers]    defaults: 1000 64 3 3
#
# The servers and the load generator are tests/Personnel.Cluster.Tests/Harness (the kill test's), run by Program.cs.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
STAFF=${1:-1000}
WRITERS=${2:-64}
ROUNDS=${3:-3}
FAILOVERS=${4:-3}

# shellcheck source=../common.sh
source "$ROOT/bench/common.sh"
# shellcheck source=/dev/null
source "$ROOT/tests/setup/20-postgres.sh"

echo "== build (Release)"
dotnet build -c Release -nologo -v quiet "$ROOT/src/Personnel.Server/Personnel.Server.csproj" >/dev/null
dotnet build -c Release -nologo -v quiet Personnel.Cluster.Bench.csproj >/dev/null
TOOL="dotnet bin/Release/net10.0/Personnel.Cluster.Bench.dll"
WORK=$(mktemp -d)
on_exit "rm -rf $WORK"

echo "== 1. grade writes through 1 and 3 nodes, $WRITERS writers, $STAFF staff × 4 quarters, $ROUNDS rounds"
LOAD0=$(cut -d' ' -f1 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
    order="1 3"
    [ $((round % 2)) -eq 0 ] && order="3 1"
    for nodes in $order; do
        echo "round $round $($TOOL writes "$nodes" "$STAFF" "$WRITERS")" | tee -a "$WORK/writes"
    done
done

echo "== 2. failover after kill -9 of one of 3 nodes, $FAILOVERS rounds"
for _ in $(seq 1 "$FAILOVERS"); do
    $TOOL failover "$STAFF" "$WRITERS" | tee -a "$WORK/failover"
done
LOAD1=$(cut -d' ' -f1 /proc/loadavg)

COMMAND="bench/cluster/run.sh $STAFF $WRITERS $ROUNDS $FAILOVERS"
/usr/bin/python3 - "$WORK/writes" "$WORK/failover" "$ROOT/bench/RESULTS.md" "$COMMAND" "$(nproc)" "$WRITERS" "$STAFF" "$LOAD0" "$LOAD1" <<'PY'
import os, datetime, statistics, sys
writes, failover, target, command, cores, writers, staff, load0, load1 = sys.argv[1:10]
rounds = {}
for line in open(writes):
    # round R writes NODES N SECONDS WRITES/S P50 P99 UNKNOWN
    _, r, _, nodes, n, seconds, wps, p50, p99, again = line.split()
    rounds.setdefault(int(r), {})[int(nodes)] = (float(wps), float(p50), float(p99), int(again))
one = [rounds[r][1] for r in sorted(rounds)]
three = [rounds[r][3] for r in sorted(rounds)]
ratio = statistics.median(rounds[r][3][0] / rounds[r][1][0] for r in rounds)
med = lambda rows, i: statistics.median(row[i] for row in rows)
fails = [line.split()[1:] for line in open(failover) if line.strip()]
first = [float(f[0]) for f in fails]
last = [float(f[1]) for f in fails]
unknown = [int(f[3]) for f in fails]
rate = lambda rows: ", ".join(f"{r[0]:,.0f}" for r in rows)
section = f"""## cluster

Server processes on one PostgreSQL (fsync on), {datetime.date.today().isoformat()}, {cores} cores shared by the servers,
PostgreSQL and the load generator. Command: `{command}`. Load average {load0} before, {load1} after (other work shares
the machine: the figures are noisy; compare the ratio, measured within each round).

| measure | result | baseline, same run | ratio |
|---|---|---|---|
| `RecordQuarterlyGrade`, durable, through **3 nodes** ({writers} callers via Personnel.Client, {staff} staff × 4 quarters, the i-th member's writes to node i mod 3) | {med(three, 0):,.0f} writes/s (p50 {med(three, 1):.0f} ms, p99 {med(three, 2):.0f} ms) | the same through **1 node**: {med(one, 0):,.0f} writes/s (p50 {med(one, 1):.0f} ms, p99 {med(one, 2):.0f} ms) | {ratio:.2f} × (median of {len(rounds)} rounds' 3/1) |
| failover: kill -9 of one of 3 nodes a third of the way through that load, until its staff answer `GetEmployee` on the survivors | first answer {statistics.median(first):,.0f} ms after the kill, last of its {int(staff) // 3} staff {statistics.median(last):,.0f} ms (medians of {len(fails)} rounds) | — | — |

Rounds (writes/s): 1 node {rate(one)}; 3 nodes {rate(three)}. Calls with an unknown outcome (ABORTED on a version conflict, a deadline) sent again to the next node with the same request id, per round: 1 node {", ".join(str(r[3]) for r in one)}; 3 nodes {", ".join(str(r[3]) for r in three)}. Failover rounds (first / last answer, ms): {", ".join(f"{a:,.0f} / {b:,.0f}" for a, b in zip(first, last))}; calls sent again: {", ".join(map(str, unknown))}. Every write of every round was acknowledged (the script fails otherwise).
"""
sys.path.insert(0, os.path.dirname(target))
from results import write_section
write_section(target, "cluster", section)
print(section)
PY
