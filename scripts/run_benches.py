"""``make bench``: every benchmark in bench/ in turn, then all their figures together at the end.

Each script prints its own progress and, as its last lines, one JSON object per figure
(``{"bench", "value", "unit", "baseline", "ratio", "target"}``). This runner streams that output
and repeats every figure line at the end, so one screen holds them all (bench/frozen.py, which
builds the app, runs last). It fails when any benchmark fails, after running the others.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_BENCHMARKS = {"common.py"}  # shared helpers
LAST = ("frozen.py",)  # builds the desktop app first
# Second runs with options, made when the script offers them (org_build_large: large attachments).
EXTRA = (("import.py", "--large"),)


def runs() -> list[list[str]]:
    """Each benchmark's command line, in order (frozen.py last)."""
    found = sorted(p for p in (ROOT / "bench").glob("*.py") if p.name not in NOT_BENCHMARKS)
    ordered = [p for p in found if p.name not in LAST] + [p for p in found if p.name in LAST]
    out = [[str(p)] for p in ordered]
    for name, option in EXTRA:
        script = ROOT / "bench" / name
        if script.is_file() and option in script.read_text(encoding="utf-8"):
            out.insert(len(out) - sum(p.name in LAST for p in ordered), [str(script), option])
    return out


def main() -> int:
    figures: list[str] = []
    failed: list[str] = []
    for args in runs():
        name = " ".join([Path(args[0]).name, *args[1:]])
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            if line.startswith('{"bench"'):
                figures.append(line.rstrip("\n"))
        if proc.wait() != 0:
            failed.append(name)
        took = time.perf_counter() - start
        print(f"== {name}: {took:.0f} s, exit code {proc.returncode}", flush=True)
    print("\n== every figure")
    for line in figures:
        print(line)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
