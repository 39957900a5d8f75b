"""Writes the `## storage` section of bench/RESULTS.md from the figures bench/storage/run.sh collected."""
import datetime
import os
import pathlib
import re
import sys

work, cores, pg_version, results = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])


def load(name):
    return {k: float(v) for k, v in (line.split() for line in (work / name).read_text().splitlines() if line.strip())}


sq, pg, base = load("sqlite.txt"), load("pg.txt"), load("pgbench.txt")
zone = int(os.environ.get("GRAIN_ZONE", "100000"))
per = sq["grain_seed_events"] / zone
pg1 = (base["pgbench_c1_before"] + base["pgbench_c1_after"]) / 2
pg64 = (base["pgbench_c64_before"] + base["pgbench_c64_after"]) / 2
sq1 = sq["sqlite_single_row_insert_per_s"]
n = lambda v: f"{v:,.0f}"
ms = lambda v: f"{v:.2f}"
r = lambda a, b: f"{a / b:.2f}×"
target = "met" if pg["streams_1000_per_s"] >= 10_000 else "NOT met"
rot99 = max(pg["rotation_zone_p99_ms"], sq["rotation_zone_p99_ms"])

section = f"""## storage

Command: `bench/storage/run.sh` (BENCH_SECONDS per measurement, default 5). Last run: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC,
{cores} cores, PostgreSQL {pg_version} started by the script (fsync on, synchronous_commit on), SQLite WAL with synchronous=FULL.
The machine is shared: absolute figures move from run to run; the ratios against the baselines measured in the same run are the figures to compare.

A *grade record* is one commit: an event on the employee's stream (expected version checked), the employee-view row, and the
department-quarter Good counter (cap checked), durable before the call returns.

| figure | SQLite | PostgreSQL |
|---|---:|---:|
| baseline: single-row insert, one at a time (SQLite direct; pgbench 1 client, mean of before/after) | {n(sq1)}/s | {n(pg1)}/s |
| baseline: single-row insert, pgbench 64 clients (mean of before/after) | – | {n(pg64)}/s |
| grade records/s, one stream (one caller, each awaited) | {n(sq["one_stream_per_s"])}/s ({r(sq["one_stream_per_s"], sq1)} baseline) | {n(pg["one_stream_per_s"])}/s ({r(pg["one_stream_per_s"], pg1)} 1-client baseline) |
| grade records/s, 1,000 streams in parallel (group commit) | {n(sq["streams_1000_per_s"])}/s ({r(sq["streams_1000_per_s"], sq1)} baseline) | {n(pg["streams_1000_per_s"])}/s ({r(pg["streams_1000_per_s"], pg64)} 64-client baseline) |
| seeding 100,000 employee-view rows (20 commits of 5,000) | {sq["seed_100k_views_s"]:.1f} s | {pg["seed_100k_views_s"]:.1f} s |
| rotation due, whole zone, 180-day window, first page of 100: p50 / p99 | {ms(sq["rotation_zone_p50_ms"])} / {ms(sq["rotation_zone_p99_ms"])} ms | {ms(pg["rotation_zone_p50_ms"])} / {ms(pg["rotation_zone_p99_ms"])} ms |
| rotation due, 10th page by keyset: p50 / p99 | {ms(sq["rotation_zone_page_10_p50_ms"])} / {ms(sq["rotation_zone_page_10_p99_ms"])} ms | {ms(pg["rotation_zone_page_10_p50_ms"])} / {ms(pg["rotation_zone_page_10_p99_ms"])} ms |
| rotation due, one department: p50 / p99 | {ms(sq["rotation_department_p50_ms"])} / {ms(sq["rotation_department_p99_ms"])} ms | {ms(pg["rotation_department_p50_ms"])} / {ms(pg["rotation_department_p99_ms"])} ms |
| rotation due, mandatory only: p50 / p99 | {ms(sq["rotation_mandatory_p50_ms"])} / {ms(sq["rotation_mandatory_p99_ms"])} ms | {ms(pg["rotation_mandatory_p50_ms"])} / {ms(pg["rotation_mandatory_p99_ms"])} ms |
| zone of {n(zone)} employees × 10 years ({n(sq["grain_seed_events"])} events), seeded in | {sq["grain_seed_s"]:.0f} s | {pg["grain_seed_s"]:.0f} s |
| node start-up on that zone (median of 3) / on an empty store (baseline) | {n(sq["grain_startup_zone_ms"])} ms / {n(sq["grain_startup_empty_ms"])} ms ({r(sq["grain_startup_zone_ms"], sq["grain_startup_empty_ms"])}) | {n(pg["grain_startup_zone_ms"])} ms / {n(pg["grain_startup_empty_ms"])} ms ({r(pg["grain_startup_zone_ms"], pg["grain_startup_empty_ms"])}) |
| memory per active employee grain (managed heap, 2,000 activations) | {sq["grain_memory_bytes"] / 1024:.1f} KiB | {pg["grain_memory_bytes"] / 1024:.1f} KiB |
| baseline: the employee's view row read from the store: p50 / p99 | {ms(sq["grain_read_view_p50_ms"])} / {ms(sq["grain_read_view_p99_ms"])} ms | {ms(pg["grain_read_view_p50_ms"])} / {ms(pg["grain_read_view_p99_ms"])} ms |
| post-level read, active grain: p50 / p99 (p50 vs baseline) | {ms(sq["grain_read_active_p50_ms"])} / {ms(sq["grain_read_active_p99_ms"])} ms ({r(sq["grain_read_active_p50_ms"], sq["grain_read_view_p50_ms"])}) | {ms(pg["grain_read_active_p50_ms"])} / {ms(pg["grain_read_active_p99_ms"])} ms ({r(pg["grain_read_active_p50_ms"], pg["grain_read_view_p50_ms"])}) |
| post-level read, cold grain (activation: {per:.0f} events read and replayed): p50 / p99 (p50 vs baseline) | {ms(sq["grain_read_cold_p50_ms"])} / {ms(sq["grain_read_cold_p99_ms"])} ms ({r(sq["grain_read_cold_p50_ms"], sq["grain_read_view_p50_ms"])}) | {ms(pg["grain_read_cold_p50_ms"])} / {ms(pg["grain_read_cold_p99_ms"])} ms ({r(pg["grain_read_cold_p50_ms"], pg["grain_read_view_p50_ms"])}) |

Targets: ≥ 10,000 durable grade records/s on PostgreSQL with fsync on — **{target}** ({n(pg["streams_1000_per_s"])}/s);
rotation-due p99 ≤ 20 ms at 100,000 employees — **{"met" if rot99 <= 20 else "NOT met"}** (worst zone-wide p99 {ms(rot99)} ms).
"""

text = results.read_text() if results.exists() else "# Benchmark results\n"
pattern = re.compile(r"^## storage\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
results.write_text(text)
