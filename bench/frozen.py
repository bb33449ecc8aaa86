"""Benchmark of the frozen one-folder app (issue 14): its size, and how fast its window shows.

- ``frozen.size``: the folder's bytes (files and links, not followed), against the 150 MB target;
- ``frozen.window``: from spawning the frozen ``e2judge`` on an empty profile until its window
  has painted (the app prints ``SHOWN`` then when ``E2JUDGE_BENCH_SHOWN=1``), against a frozen
  hello-world (QApplication + QMainWindow, built here with PyInstaller the same way) that prints
  ``SHOWN`` at the same point. Baseline and app alternate ``RUNS`` times; medians compared.

Usage: python bench/frozen.py [--dist "dist/E2 Judge"] [--quick]
Without ``--dist`` the app is built first with ``make dist`` (a few minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
SIZE_TARGET_MB = 150.0
WINDOW_TARGET = 2.0

HELLO = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.processEvents()
print("SHOWN", flush=True)
"""


def folder_mb(folder: Path) -> float:
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            total += (Path(base) / name).lstat().st_size
    return total / 2**20


def build_hello(work: Path) -> Path:
    """A frozen one-folder hello-world; returns its executable."""
    script = work / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--onedir",
            "--log-level",
            "WARN",
            "--name",
            "hello",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            "--specpath",
            str(work),
            str(script),
        ],
        check=True,
    )
    return work / "dist" / "hello" / "hello"


def until_shown(args: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``args`` to its ``SHOWN`` line; the process is then ended."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.strip() == "SHOWN":
                return time.perf_counter() - start
        raise RuntimeError(f"{args[0]} exited with {proc.wait()} before showing its window")
    finally:
        proc.stdout.close()
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="an already built app folder (default: make dist)")
    parser.add_argument("--quick", action="store_true", help="three runs instead of five")
    opts = parser.parse_args()
    runs = 3 if opts.quick else RUNS
    dist = opts.dist
    if dist is None:
        subprocess.run(["make", "dist"], cwd=ROOT, check=True)
        dist = ROOT / "dist" / "E2 Judge"
    app_exe = dist / "e2judge"
    if not app_exe.is_file():
        raise SystemExit(f"{app_exe}: not found (build with make dist, or pass --dist)")
    size = folder_mb(dist)
    with tempfile.TemporaryDirectory(prefix="e2judge-bench-frozen-") as tmp:
        work = Path(tmp)
        hello = build_hello(work)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "E2JUDGE_BENCH_SHOWN": "1"}
        base, app = [], []
        until_shown([str(hello)], env)  # warm the page cache for both
        until_shown([str(app_exe), "--home", str(work / "profile")], env)
        for _ in range(runs):
            base.append(until_shown([str(hello)], env))
            app.append(until_shown([str(app_exe), "--home", str(work / "profile")], env))
        hello_mb = folder_mb(hello.parent)
    spread = "/".join(f"{v * 1000:.0f}" for v in (min(app), statistics.median(app), max(app)))
    base_spread = "/".join(f"{v * 1000:.0f}" for v in (min(base), statistics.median(base), max(base)))
    print(f"frozen folder {size:.1f} MB (hello-world {hello_mb:.1f} MB)")
    print(f"window shown, min/median/max of {runs}: hello-world {base_spread} ms, E2 Judge {spread} ms")
    value, baseline = statistics.median(app) * 1000, statistics.median(base) * 1000
    figures = [
        {
            "bench": "frozen.size",
            "value": round(size, 1),
            "unit": "MB",
            "baseline": SIZE_TARGET_MB,
            "ratio": round(size / SIZE_TARGET_MB, 3),
            "target": "ratio <= 1.0",
            "note": f"baseline is the 150 MB target; {dist.name}/ on {sys.platform}",
        },
        {
            "bench": "frozen.window",
            "value": round(value, 1),
            "unit": "ms",
            "baseline": round(baseline, 1),
            "ratio": round(value / baseline, 3),
            "target": f"ratio <= {WINDOW_TARGET}",
            "note": f"baseline: frozen PySide6 hello-world window, median of {runs}, offscreen",
        },
    ]
    for item in figures:
        print(json.dumps(item))
    return 0


if __name__ == "__main__":
    sys.exit(main())
