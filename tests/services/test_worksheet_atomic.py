"""A worksheet import applies all its changes in one transaction, or none.

The real ``e2judge worksheet import`` runs in a child process and is killed (``Popen.kill``) after
0, 1, … N of its changes were applied inside the transaction, and at several plain timings; each
time the profile holds either every change (N audit rows) or none. A change the scoring service
refuses at apply time rolls back the ones before it.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import e2judge.services.judge.worksheet as worksheet_service
from e2judge.core.errors import InputRefused
from e2judge.db.session import open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge.entries import find_assignment
from e2judge.services.judge.rounds import list_rounds
from e2judge.services.judge.scoring import declare_conflict
from e2judge.services.judge.worksheet import export_worksheet, import_worksheet
from tests.helpers.batches import imported_profile

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SHEET = "Chấm điểm"
ROWS = range(2, 7)  # E0001..E0005
CHANGES = 7 * len(ROWS)  # per row: three points, three comments, the overall comment

# The real command, with each planned change followed by a report line and a pause, so that the
# test can kill it after exactly k changes were applied inside the transaction.
CHILD = """
import sys, time
import e2judge.services.judge.worksheet as w
real, pause, count = w.apply_planned_in, float(sys.argv[3]), 0
def reporting(s, change, actor):
    global count
    done = real(s, change, actor)
    count += 1
    print(f"APPLIED {count}", flush=True)
    time.sleep(pause)
    return done
w.apply_planned_in = reporting
from e2judge.cli.main import main
sys.exit(main(["--home", sys.argv[1], "worksheet", "import", sys.argv[2]]))
"""

State = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], int]


def _edited_worksheet(tmp_path: Path) -> tuple[Path, Path]:
    profile, db, ref = imported_profile(tmp_path)
    try:
        exported = tmp_path / "ws.xlsx"
        export_worksheet(db, ref, exported)
    finally:
        db.close()
    wb = openpyxl.load_workbook(exported)
    ws = wb[SHEET]
    for row in ROWS:
        for column, value in zip(
            "HIJKLMN", (3, f"tốt {row}", 2, f"khả thi {row}", 4.5, f"rõ {row}", f"chung {row}"), strict=True
        ):
            ws[f"{column}{row}"] = value
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    return profile.root, edited


def _child(home: Path, edited: Path, pause: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), str(edited), str(pause)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


def _kill_after(proc: subprocess.Popen[str], applied: int) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == f"APPLIED {applied}":
            break
    proc.kill()
    proc.wait(timeout=60)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, State, State]:
    """A profile and its edited worksheet, and the profile's state before and after a whole import."""
    tmp = tmp_path_factory.mktemp("atomic")
    home, edited = _edited_worksheet(tmp)
    before = _state(home)
    reference = tmp / "reference"
    shutil.copytree(home, reference)
    done = _child(reference, edited, 0.0)
    out, _err = done.communicate(timeout=120)
    assert done.returncode == 0, out
    after = _state(reference)
    assert after[2] == before[2] + CHANGES  # one audit row per change
    assert len(after[0]) == 3 * len(ROWS) and before[0] == []
    return home, edited, before, after


def _state(home: Path) -> State:
    """Every score, every overall comment and the number of audit rows of the profile at ``home``."""
    with closing(sqlite3.connect(Profile(home).database)) as con:
        scores = con.execute(
            "SELECT assignment_id, criterion_key, points, comment FROM score ORDER BY 1, 2"
        ).fetchall()
        overall = con.execute("SELECT id, overall_comment FROM assignment ORDER BY id").fetchall()
        audit = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return scores, overall, int(audit)


@pytest.mark.parametrize("applied", [1, 2, 9, CHANGES // 2, CHANGES - 1, CHANGES])
def test_killed_after_some_changes_leaves_none(
    prepared: tuple[Path, Path, State, State], tmp_path: Path, applied: int
) -> None:
    home, edited, before, _after = prepared
    trial = tmp_path / "profile"
    shutil.copytree(home, trial)
    with _child(trial, edited, 0.05) as proc:
        _kill_after(proc, applied)
    assert proc.returncode != 0
    assert _state(trial) == before


@pytest.mark.parametrize("delay", [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0])
def test_killed_at_any_time_leaves_all_or_none(
    prepared: tuple[Path, Path, State, State], tmp_path: Path, delay: float
) -> None:
    home, edited, before, after = prepared
    trial = tmp_path / "profile"
    shutil.copytree(home, trial)
    with _child(trial, edited, 0.002) as proc:
        time.sleep(delay)
        proc.kill()
    assert _state(trial) in (before, after)


def test_a_change_refused_at_apply_time_rolls_back_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, edited = _edited_worksheet(tmp_path)
    db = open_judge_db(Profile(home).database)
    (ref,) = list_rounds(db)
    try:
        read = worksheet_service.read_worksheet

        def read_then_conflict(*args: Any) -> Any:
            plan = read(*args)
            # another window declares a conflict on E0004 after the check, before the apply
            declare_conflict(db, find_assignment(db, ref, "E0004"), "Người nhà", "other-window")
            return plan

        monkeypatch.setattr(worksheet_service, "read_worksheet", read_then_conflict)
        before = _state(home)
        with pytest.raises(InputRefused) as refused:
            import_worksheet(db, ref, edited, actor="worksheet:test")
        assert "nothing from this worksheet was applied" in str(refused.value) or "chưa áp dụng" in str(
            refused.value
        )
        assert f"{SHEET}!H5" in str(refused.value)  # E0004's first changed cell
        scores, overall, audit = _state(home)
        assert scores == before[0]
        assert [o for _id, o in overall] == [o for _id, o in before[1]]
        assert audit == before[2] + 1  # only the other window's conflict
    finally:
        db.close()
