"""Writes the `## history` section of bench/RESULTS.md from what bench/history/run.sh collected (see its header)."""
import datetime
import os
import statistics
import sys

(work, target, command, cores, load0, load1, snapshots,
 per_tier, callers, hot, pool, pool_events, hot_events, warmup) = sys.argv[1:15]
ARMS = ("off", "on")
KINDS = ("Record", "Correct", "PostLevel", "Tenure", "Grades", "History", "Cold")


def lines(name, tag):
    path = os.path.join(work, name)
    return [line.split() for line in open(path) if line.startswith(tag + " ")]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


seeded = {f[1]: (int(f[2]), int(f[3]), int(f[4]), int(f[5])) for f in lines("seed", "seeded")}
cold, tenure = {}, {}
for _, arm, tier, ms, _version, tenure_ms in lines("cold", "coldread"):
    cold.setdefault(arm, {}).setdefault(int(tier), []).append(float(ms))
    tenure.setdefault(arm, {}).setdefault(int(tier), []).append(float(tenure_ms))
tiers = sorted(next(iter(cold.values())))
base, top = tiers[0], tiers[-1]
warm = {}
for _, arm, tier, kind, ms in lines("cold", "warmcall"):
    warm.setdefault((arm, kind), {}).setdefault(int(tier), []).append(float(ms))

windows = {}
for f in lines("mixed", "window"):
    cells = [c.split(":") for c in f[3:]]
    windows.setdefault(f[1], []).append({k: (int(n), float(m)) for k, (n, m) in zip(KINDS, cells)})
mixcold = {f[1]: (int(f[2]), float(f[3]), float(f[4])) for f in lines("mixed", "mixcold")}
versions = {f[1]: (f[2], f[3]) for f in lines("mixed", "versions")}
refusals = lines("mixed", "refusal")
sizes = lines("sizes", "snapshots")
errors = [line.strip() for line in open(os.path.join(work, "mixed")) if line.startswith("error ")]


def rate(w):
    """Calls of the 64 callers answered per second in a 30 s window (the cold reader apart)."""
    return sum(w[k][0] for k in KINDS if k != "Cold") / 30


def writes(w):
    return (w["Record"][0] + w["Correct"][0]) / 30


def mean(w, kinds):
    n = sum(w[k][0] for k in kinds)
    return sum(w[k][0] * w[k][1] for k in kinds) / n if n else 0




def spread(values):
    return f"{statistics.median(values):.1f} / {pct(values, 0.99):.1f} ms"


def ratios(by_tier):
    return (f"**{statistics.median(by_tier[top]) / statistics.median(by_tier[base]):.1f} ×** / "
            f"{pct(by_tier[top], 0.99) / pct(by_tier[base], 0.99):.1f} ×")


cold_rows = "\n".join(
    f"| {t:,} | {len(cold['off'][t])} | {spread(cold['off'][t])} | {spread(cold['on'][t])} | {spread(tenure['off'][t])} | {spread(tenure['on'][t])} |"
    for t in tiers)

def warm_cells(arm, kind):
    by_tier = warm.get((arm, kind))
    if not by_tier:
        return "– | –"
    medians = [statistics.median(by_tier[t]) for t in tiers]
    return " / ".join(f"{m:.1f}" for m in medians) + f" | {medians[-1] / medians[0]:.1f} ×"


warm_kinds = list(dict.fromkeys(kind for _, kind in warm))
warm_rows = "\n".join(f"| `{k}` | {warm_cells('off', k)} | {warm_cells('on', k)} |" for k in warm_kinds)
mixed_rows = "\n".join(
    f"| {arm} | {', '.join(f'{rate(w):,.0f}' for w in windows[arm])} | **{rate(windows[arm][-1]) / rate(windows[arm][0]):.2f}** |"
    f" {writes(windows[arm][0]):,.0f} → {writes(windows[arm][-1]):,.0f} |"
    f" {mean(windows[arm][0], ('Record', 'Correct')):.0f} → {mean(windows[arm][-1], ('Record', 'Correct')):.0f} ms |"
    f" {mean(windows[arm][0], ('PostLevel', 'Tenure', 'Grades', 'History')):.0f} → {mean(windows[arm][-1], ('PostLevel', 'Tenure', 'Grades', 'History')):.0f} ms |"
    f" {versions[arm][0]} → {versions[arm][1]} |"
    f" {mixcold[arm][0]}: {mixcold[arm][1]:.0f} / {mixcold[arm][2]:.0f} ms |" for arm in ARMS if arm in windows)
per_kind = "; ".join(
    f"{arm}: " + ", ".join(f"{k} {windows[arm][0][k][1]:.0f} → {windows[arm][-1][k][1]:.0f}" for k in KINDS if k != "Cold")
    for arm in ARMS if arm in windows)
refused = ", ".join(f"{f[1]} {f[3]} {f[4] if len(f) > 4 else ''}: {f[2]}" for f in refusals) or "none"
failed = "; ".join(errors) or "none"
arms_note = (f"The server had snapshots (`{snapshots}`): **off** = `--Grains:SnapshotEvery 0`, every activation replays the "
             "whole stream; **on** = the server's default." if snapshots else
             "**The server in this run had no snapshots yet**: `--Grains:SnapshotEvery` was ignored, so both arms are "
             "today's behaviour (every activation replays the whole stream) and differ only by noise.")
stored = "; ".join(f"{f[1]} {f[2]}: {int(f[3]):,} / {int(f[4]):,}" for f in sizes) or "none"
order = " then ".join(a for a in windows)
seed = ", ".join(f"{name} {n} × {lo}" + (f"–{hi}" if hi != lo else "") for name, (n, lo, hi, _) in seeded.items())
seed_seconds = max(s for *_, s in seeded.values())

section = f"""## history

History growth (issue 12 item 2): one server process on PostgreSQL (fsync on), {datetime.date.today().isoformat()}, {cores} cores
shared by the server, PostgreSQL and the load generator. Command: `{command}` (seconds per mixed-load arm, employees
per tier, callers, hot employees per arm, cold pool). Load average {load0} before, {load1} after. {arms_note}

Seeded through gRPC in {seed_seconds} s with snapshots off (stream versions, events per stream: {seed}). A career:
appointment on 2025-01-01, quarterly grades 2025 Q1–2026 Q3, then overtime and a late arrival per day, then qualifications.

**1. Cold activation** — a fresh server process, then the first `GetEmployee` of each employee (answered by its grain, so it
pays the activation), one call at a time in a fixed shuffled order after 16 untimed ones, each followed by its first
`GetTenure` (tenure as of a date needs the events before the snapshot); for **on**, every employee was
activated once on an earlier process (which may write its snapshot) before the restart. Baseline: the {base}-event employees.

| events in the stream | employees | first `GetEmployee`, off: p50 / p99 | on: p50 / p99 | then the first `GetTenure`, off | on |
|---:|---:|---:|---:|---:|---:|
{cold_rows}
| **cold({top:,}) / cold({base})** | | {ratios(cold['off'])} | {ratios(cold['on'])} | {ratios(tenure['off'])} | {ratios(tenure['on'])} |

Then, on the same process, each call on the grains now active, one at a time, 3 times per employee (median, ms; `Record`
is the career's next attendance record, a durable write):

| call, active grain | off: {" / ".join(f"{t:,}" for t in tiers)} events | off: {top:,} / {base} | on: {" / ".join(f"{t:,}" for t in tiers)} events | on: {top:,} / {base} |
|---|---:|---:|---:|---:|
{warm_rows}

**2. Mixed load** — {callers} callers on {hot} hot employees per arm (streams of {hot_events} events at the start), each
call one of: attendance record 35 %, grade correction 10 % (both append), `GetPostLevel` 25 %, `GetTenure` 15 %, `ListGrades`
10 %, `ListHistory` first page 5 %; after {warmup} s of the same mix, untimed. Beside them one reader activates the cold pool
({pool} employees of {pool_events} events), each once, evenly over the run: the server has no grain collection-age option,
so these are the activations during the load. Throughput = calls of the callers answered per second in each 30 s window.

| arm | calls/s per 30 s window | last / first | writes/s first → last | write latency, mean | read latency, mean | hot stream length | cold reads: n, p50 / p99 |
|---|---|---:|---|---|---|---|---|
{mixed_rows}

Mean latency per call, first → last window (ms): {per_kind}. Refusals under the rules (not errors): {refused}. Errors: {failed}.
Arms of the mixed load in the order run: {order}.

**3. Snapshots stored** at the end of the run (Orleans' grain storage rows of employees, by group: count, mean / max bytes):
{stored}.
"""
sys.path.insert(0, os.path.dirname(target))
from results import write_section  # noqa: E402

write_section(target, "history", section)
print(section)
