#!/usr/bin/env bash
# The rotation-due list over a zone of 100,000 employees, as of the date asked (AM 第十二条), on SQLite and on a
# throwaway PostgreSQL (fsync on): p50 and p99 of each question over 1,000 runs, against the baseline of the same run
# (one employee's row read by primary key). Writes the `## rotation` section of bench/RESULTS.md. Target: p99 ≤ 20 ms.
#
#   bench/storage/rotation.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export ROOT

# shellcheck source=../common.sh
source bench/common.sh

# shellcheck source=../../tests/setup/20-postgres.sh
source tests/setup/20-postgres.sh
WORK=$(mktemp -d /tmp/personnel-bench-rotation.XXXXXX)
on_exit "rm -rf $WORK"

dotnet build bench/storage/Personnel.Storage.Bench -c Release -nologo -v quiet >/dev/null
BENCH=(dotnet bench/storage/Personnel.Storage.Bench/bin/Release/net10.0/Personnel.Storage.Bench.dll)
"${BENCH[@]}" rotation sqlite "$WORK/rotation.db" | tee "$WORK/sqlite.txt"
"${BENCH[@]}" rotation pg "$PERSONNEL_TEST_PG" | tee "$WORK/pg.txt"

/usr/bin/python3 - "$WORK/sqlite.txt" "$WORK/pg.txt" "$ROOT/bench/RESULTS.md" "$(git rev-parse --short HEAD)" <<'PY'
import os, datetime, sys
sqlite_path, pg_path, target, head = sys.argv[1:5]
def read(path):
    return {k: float(v) for k, v in (line.split() for line in open(path) if line.strip())}
s, p = read(sqlite_path), read(pg_path)
rows = []
for name, label in [("rotation_zone", "zone-wide, window 180 days, first page of 100"),
                    ("rotation_department", "one department"),
                    ("rotation_mandatory", "mandatory only"),
                    ("rotation_zone_page_10", "zone-wide, 10th page by keyset")]:
    cells = []
    for d in (s, p):
        p99, base = d[f"{name}_p99_ms"], d["employee_row_p99_ms"]
        cells.append(f"{d[f'{name}_p50_ms']:.2f} / {p99:.2f} ms ({p99 / base:.1f} × baseline; ≤ 20 ms: {'met' if p99 <= 20 else 'NOT met'})")
    rows.append(f"| {label} | {cells[0]} | {cells[1]} |")
section = f"""## rotation

`bench/storage/rotation.sh` on {datetime.date.today():%Y-%m-%d} at {head}: ListRotationDue's query as of the date asked over
100,000 employees (20,000 with a three-period rotation timeline), p50 / p99 of 1,000 runs after 100 untimed. Baseline in
the same run: one employee's row by primary key, p99 {s['employee_row_p99_ms']:.2f} ms (SQLite) and
{p['employee_row_p99_ms']:.2f} ms (PostgreSQL).

| question | SQLite p50 / p99 | PostgreSQL p50 / p99 |
|---|---|---|
""" + "\n".join(rows) + "\n"
sys.path.insert(0, os.path.dirname(target))
from results import write_section
write_section(target, "rotation", section)
print(section)
PY
