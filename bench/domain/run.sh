#!/usr/bin/env bash
# The domain's costs, before and after a change, in one run; written to bench/RESULTS.md under "## domain":
#   1. BenchmarkDotNet: a new Employee aggregate and an activation (replay of a 100-event history), in the tree at BASE
#      and in this tree; in this tree also activation from a snapshot (Snapshot.cs) against replay of 100 and 1,000 events;
#   2. `personnel grades import` of ROWS rows (SQLite), CLI process end to end, alternating BASE and this tree
#      ROUNDS times (bench/api's seeding and CSV tool, a fresh server and database each round).
#
#   bench/domain/run.sh [base] [rows] [rounds]   defaults: 56cb982 (the last commit on the home-made engine) 100000 1
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BASE=${1:-56cb982}
ROWS=${2:-100000}
ROUNDS=${3:-1}
PORT=${BENCH_PORT:-5451}
ADMIN_KEY="bench-admin-$RANDOM$RANDOM"

WORK=$(mktemp -d /tmp/personnel-bench-domain.XXXXXX)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== the tree at $BASE"
git -C "$ROOT" worktree add --detach "$WORK/base" "$BASE" >/dev/null
# The benchmark uses only the public API both trees have; the base tree gets this copy of it.
rm -rf "$WORK/base/bench/domain"
cp -r "$ROOT/bench/domain" "$WORK/base/bench/domain"
rm -rf "$WORK/base/bench/domain/bin" "$WORK/base/bench/domain/obj" "$WORK/base/bench/domain/BenchmarkDotNet.Artifacts"
# Snapshots are newer than any base this script is meant for: the base tree is measured without them.
rm -f "$WORK/base/bench/domain/Snapshot.cs"

echo "== 1. BenchmarkDotNet: new aggregate and activation (replay of 100 events)"
for tree in base current; do
    dir=$ROOT
    [ "$tree" = base ] && dir=$WORK/base
    dotnet build "$dir/bench/domain/Personnel.Domain.Bench.csproj" -c Release -nologo -v quiet >/dev/null
    # In process: the benchmark runs against the assembly just built from that tree (BenchmarkDotNet would otherwise
    # generate and build a project of its own, found by searching from the working directory).
    (cd "$dir/bench/domain" && dotnet "$dir/bench/domain/bin/Release/net10.0/Personnel.Domain.Bench.dll" --inProcess \
        --filter '*' --exporters json --artifacts "$WORK/bdn-$tree" >"$WORK/bdn-$tree.log" 2>&1) \
        || { tail -n 40 "$WORK/bdn-$tree.log"; exit 1; }
    grep -E '^\| *(NewAggregate|Replay|Restore|Write)' "$WORK/bdn-$tree.log" | sed "s/^/$tree /"
done

echo "== 2. grades import of $ROWS rows (SQLite), $ROUNDS round(s) each"
for tree in base current; do
    dir=$ROOT
    [ "$tree" = base ] && dir=$WORK/base
    for project in src/Personnel.Server/Personnel.Server.csproj clients/Personnel.Cli/Personnel.Cli.csproj bench/api/Personnel.Api.Bench.csproj; do
        dotnet build "$dir/$project" -c Release -nologo -v quiet >/dev/null
    done
done
: >"$WORK/imports"
for round in $(seq 1 "$ROUNDS"); do
    for tree in base current; do
        dir=$ROOT
        [ "$tree" = base ] && dir=$WORK/base
        CLI="dotnet $dir/clients/Personnel.Cli/bin/Release/net10.0/personnel.dll"
        TOOL="dotnet $dir/bench/api/bin/Release/net10.0/Personnel.Api.Bench.dll"
        mkdir -p "$WORK/db-$tree-$round"
        PERSONNEL_ADMIN_KEY=$ADMIN_KEY dotnet "$dir/src/Personnel.Server/bin/Release/net10.0/Personnel.Server.dll" \
            --urls "http://127.0.0.1:$PORT" --Web:Urls none --Logging:LogLevel:Default=Warning \
            --Storage:ConnectionString "$WORK/db-$tree-$round/personnel.db" >"$WORK/server-$tree-$round.log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 120); do
            $CLI --server "http://127.0.0.1:$PORT" --key "$ADMIN_KEY" keys list --json >/dev/null 2>&1 && break
            sleep 0.5
        done
        $TOOL seed "http://127.0.0.1:$PORT" "$ADMIN_KEY" d-imp m- $(((ROWS + 2) / 3)) 32 >/dev/null
        $TOOL csv "$WORK/grades.csv" m- "$ROWS"
        start=$(date +%s.%N)
        $CLI --server "http://127.0.0.1:$PORT" --key "$ADMIN_KEY" grades import "$WORK/grades.csv" --department d-imp >"$WORK/import.out"
        end=$(date +%s.%N)
        grep -q ": $ROWS rows: $ROWS recorded, 0 already recorded, 0 rejected." "$WORK/import.out" \
            || { cat "$WORK/import.out"; exit 1; }
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
        seconds=$(/usr/bin/python3 -c "print(f'{$end - $start:.1f}')")
        echo "$tree $seconds" | tee -a "$WORK/imports"
    done
done

COMMAND="bench/domain/run.sh $BASE $ROWS $ROUNDS"
/usr/bin/python3 - "$WORK" "$ROOT/bench/RESULTS.md" "$COMMAND" "$BASE" "$ROWS" "$(git -C "$ROOT" rev-parse --short HEAD)" <<'PY'
import os, datetime, glob, json, statistics, sys
work, target, command, base, rows, head = sys.argv[1:7]
rows = int(rows)

def bdn(tree):
    # One report per benchmark class; a method is named by its class where two classes share its name.
    figures = {}
    for path in sorted(glob.glob(f"{work}/bdn-{tree}/results/*.json")):
        for b in json.load(open(path))["Benchmarks"]:
            figure = (b["Statistics"]["Mean"], b["Memory"]["BytesAllocatedPerOperation"])
            figures[f'{b["Type"]}.{b["Method"]}'] = figure
            figures.setdefault(b["Method"], figure)
    return figures

before, after = bdn("base"), bdn("current")
imports = {"base": [], "current": []}
for line in open(f"{work}/imports"):
    tree, seconds = line.split()
    imports[tree].append(float(seconds))
imp_before, imp_after = statistics.median(imports["base"]), statistics.median(imports["current"])
growth = imp_after / imp_before - 1

def us(ns):
    return f"{ns / 1000:.1f} µs"

def snapshot_rows(figures):
    # Activation from a snapshot, this tree only: each figure against replaying 100 in-memory events in the same class.
    base = figures["SnapshotActivation.Replay100Events"][0]
    rows = [
        ("activation: replay of a 1,000-event history", "Replay1000Events"),
        ("activation: read (JSON) and replay 100 stored events", "ReplayStored100Events"),
        ("activation: read (JSON) and replay 1,000 stored events", "ReplayStored1000Events"),
        ("activation: snapshot of the 100-event career, no events after it", "RestoreSnapshotOf100Events"),
        ("activation: snapshot of the 1,000-event career, no events after it", "RestoreSnapshotOf1000Events"),
        ("writing the snapshot of the 1,000-event career", "WriteSnapshotOf1000Events"),
    ]
    return "".join(
        f"| {label} | — | {us(figures['SnapshotActivation.' + name][0])}, {figures['SnapshotActivation.' + name][1]:,} B "
        f"| {figures['SnapshotActivation.' + name][0] / base:.2f} × replay of 100 |\n"
        for label, name in rows)

section = f"""## domain

`{command}` on {datetime.date.today():%Y-%m-%d}, this tree at {head} against {base} built and measured in the same run.
BenchmarkDotNet (default job, in process) for the domain figures; the import is the CLI process end to end against a
fresh server and SQLite database, median of the rounds.

| measure | before ({base}) | after ({head}) | after / before |
|---|---|---|---|
| new `Employee` aggregate | {us(before["NewAggregate"][0])}, {before["NewAggregate"][1]:,} B | {us(after["NewAggregate"][0])}, {after["NewAggregate"][1]:,} B | {after["NewAggregate"][0] / before["NewAggregate"][0]:.2f} |
| activation: replay of a 100-event history | {us(before["Replay100Events"][0])}, {before["Replay100Events"][1]:,} B | {us(after["Replay100Events"][0])}, {after["Replay100Events"][1]:,} B | {after["Replay100Events"][0] / before["Replay100Events"][0]:.2f} |
{snapshot_rows(after)}| `personnel grades import` of {rows:,} rows (SQLite) | {imp_before:.1f} s | {imp_after:.1f} s | {imp_after / imp_before:.2f} (limit 1.10: {"met" if growth <= 0.10 else "NOT met"}) |
"""
sys.path.insert(0, os.path.dirname(target))
from results import write_section
write_section(target, "domain", section)
print(section)
PY
