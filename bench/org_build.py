"""Benchmark: ``org build`` of a contest whose five entries each carry a 300 MB video.

Baseline, in the same run: ``cp`` + ``sha256sum`` of the same bytes (bench/large_files.py). The
build hashes every file, then streams it into the signed batch (stored: video does not deflate)
and syncs the batch. Target: at most 1.5 × the baseline (``org_build_large.time``). The
workspace is created (its key derivation is slow on purpose) before the clock starts.

Usage: python bench/org_build.py [REPEATS]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from large_files import cp_and_sha256sum, make_files

from e2judge.services.org.build import build_batches
from e2judge.services.org.workspace import init_workspace

PASSPHRASE = "mật khẩu bench"


def write_workbook(path: Path, names: list[str]) -> None:
    """The organizer's workbook: one entry per file, one judge, one criterion."""
    wb = openpyxl.Workbook()
    contest = wb.active
    assert contest is not None
    contest.title = "Contest"
    for row in (
        ["key", "value"],
        ["contest_id", "bench"],
        ["contest_name", "Bench"],
        ["round", "Vòng 1"],
        ["blind", "không"],
    ):
        contest.append(row)
    entries = wb.create_sheet("Entries")
    entries.append(["code", "title", "attachments"])
    for i, name in enumerate(names):
        entries.append([f"E{i}", f"Video bài {i}", name])
    judges = wb.create_sheet("Judges")
    judges.append(["judge_id", "name"])
    judges.append(["GK01", "Giám khảo"])
    rubric = wb.create_sheet("Rubric")
    rubric.append(["criterion_id", "section", "criterion", "max_points"])
    rubric.append(["C1", "Nội dung", "Tính mới", 10])
    wb.save(path)


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory(prefix="e2judge-bench-build-") as tmp:
        folder = Path(tmp)
        print("writing five 300 MB files of random bytes ...", flush=True)
        attachments = folder / "attachments"
        names = sorted(make_files(attachments))
        sources = [attachments / n for n in names]
        workbook = folder / "danh-sach.xlsx"
        write_workbook(workbook, names)
        baselines: list[float] = []
        builds: list[float] = []
        for i in range(repeats):
            orgdir = folder / f"org{i}"
            init_workspace(orgdir, PASSPHRASE, "Bench")
            os.sync()
            baselines.append(cp_and_sha256sum(sources, folder / f"a{i}"))
            os.sync()
            start = time.perf_counter()
            summary = build_batches(orgdir, workbook, folder / f"out{i}", PASSPHRASE, attachments=attachments)
            builds.append(time.perf_counter() - start)
            [batch] = summary.files
            with zipfile.ZipFile(batch) as zf:
                members = [i for i in zf.infolist() if i.filename.startswith("attachments/")]
            assert len(members) == 5 and all(m.compress_type == zipfile.ZIP_STORED for m in members)
            shutil.rmtree(folder / f"out{i}")
            shutil.rmtree(orgdir)
    pairs = [(round(a, 2), round(b, 2)) for a, b in zip(baselines, builds, strict=True)]
    print("runs (cp + sha256sum, org build) s:", pairs)
    base, value = statistics.median(baselines), statistics.median(builds)
    figure = {
        "bench": "org_build_large.time",
        "value": round(value, 3),
        "unit": "s",
        "baseline": round(base, 3),
        "ratio": round(value / base, 3),
        "target": 1.5,
        "note": (
            "5 entries x 300 MB video, stored; baseline cp + sha256sum of the same bytes; "
            f"min/median/max build {min(builds):.2f}/{value:.2f}/{max(builds):.2f} s over {repeats} runs"
        ),
    }
    print(json.dumps(figure))
    return 0


if __name__ == "__main__":
    sys.exit(main())
