"""Benchmark: what every CLI command pays before doing anything, and a read-only command (issue 14).

(a) ``e2judge --help`` against ``python -c "import argparse"`` (the least a Python argparse CLI
    can cost);
(b) ``e2judge entries`` on a 10,000-entry profile against ``python -c`` importing argparse and
    sqlite3 and running the same kind of query (entries joined with their aggregated scores),
    printing the rows.

Each is a fresh process; baseline and subject alternate ``RUNS`` times and the medians are
compared (min/median/max printed, since the machine is shared). The last lines are JSON figures.

Usage: python bench/cli.py [--quick]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui import build_profile  # noqa: E402

ENTRIES = 10_000
RUNS = 5
TARGET = 2.0

BARE_HELP = "import argparse"
BARE_QUERY = """
import argparse, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT a.id, e.code, e.title, e.category, e.province, a.conflict_reason, "
    "s.scored, s.weighted FROM assignment a JOIN entry e ON e.id = a.entry_id "
    "LEFT JOIN (SELECT sc.assignment_id AS aid, count(sc.points) AS scored, "
    "sum(sc.points * c.weight) AS weighted FROM score sc JOIN rubric_criterion c "
    "ON c.criterion_key = sc.criterion_key GROUP BY sc.assignment_id) s ON s.aid = a.id "
    "ORDER BY a.position, e.code"
).fetchall()
sys.stdout.write("\\n".join(f"{r[1]}  {r[2]}  {r[3]}  {r[4]}  {r[7]}" for r in rows))
"""


def timed(args: list[str]) -> float:
    """Seconds for one run of ``args`` (stdout discarded; must exit 0)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - start


def alternate(baseline: list[str], subject: list[str], runs: int) -> tuple[list[float], list[float]]:
    base, subj = [], []
    timed(subject)  # warm the page cache and the .pyc files for both sides
    timed(baseline)
    for _ in range(runs):
        base.append(timed(baseline))
        subj.append(timed(subject))
    return base, subj


def spread(values: list[float]) -> str:
    return "/".join(f"{v * 1000:.0f}" for v in (min(values), statistics.median(values), max(values)))


def figure(name: str, base: list[float], subj: list[float], note: str) -> dict[str, object]:
    value, baseline = statistics.median(subj) * 1000, statistics.median(base) * 1000
    return {
        "bench": name,
        "value": round(value, 1),
        "unit": "ms",
        "baseline": round(baseline, 1),
        "ratio": round(value / baseline, 3),
        "target": f"ratio <= {TARGET}",
        "note": note,
    }


def main() -> int:
    runs = 3 if "--quick" in sys.argv else RUNS
    python = sys.executable
    help_base, help_subj = alternate([python, "-c", BARE_HELP], [python, "-m", "e2judge", "--help"], runs)
    print(f"(a) --help: baseline {spread(help_base)} ms, e2judge {spread(help_subj)} ms (min/median/max)")
    with tempfile.TemporaryDirectory(prefix="e2judge-bench-cli-") as tmp:
        profile = build_profile(Path(tmp), ENTRIES)
        entries_base, entries_subj = alternate(
            [python, "-c", BARE_QUERY, str(profile.database)],
            [python, "-m", "e2judge", "--home", str(profile.root), "entries"],
            runs,
        )
    print(
        f"(b) entries ({ENTRIES}): baseline {spread(entries_base)} ms, "
        f"e2judge {spread(entries_subj)} ms (min/median/max)"
    )
    figures = [
        figure("cli_help", help_base, help_subj, f'baseline: python -c "import argparse", median of {runs}'),
        figure(
            "cli_entries",
            entries_base,
            entries_subj,
            f"baseline: python importing argparse + sqlite3 and running the entries query over "
            f"{ENTRIES} entries, printing them; median of {runs}",
        ),
    ]
    for item in figures:
        print(json.dumps(item))
    return 0


if __name__ == "__main__":
    sys.exit(main())
