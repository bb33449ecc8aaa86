"""The judge's window killed abruptly (``Popen.kill``) mid-scoring loses nothing it showed as saved.

``Popen.kill`` sends SIGKILL on POSIX and calls TerminateProcess on Windows.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers.batches import imported_profile
from tests.helpers.processes import KILLED_RETURNCODE

pytestmark = [pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]

# Scores entries by key presses in the real window, printing each change once the status bar
# says it was saved; runs until killed.
CHILD = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from e2judge.app import make_application
from e2judge.db.session import open_judge_db
from e2judge.paths import Profile
from e2judge.ui.context import AppContext
from e2judge.ui.i18n import Languages
from e2judge.ui.main_window import MainWindow
from e2judge.ui.settings import UiSettings

app = make_application()
profile = Profile(__import__("pathlib").Path(sys.argv[1]))
ctx = AppContext(profile, open_judge_db(profile.database), Languages(app, "vi"), UiSettings(profile))
window = MainWindow.for_context(ctx, start_backups=False)
window.show()
step = [0]
def tick():
    i = step[0]
    step[0] += 1
    window.select_row(i % window.model.rowCount())
    block = window.view.form.blocks[i % 2]
    digit = 1 + (i // 2) % len(block.radios)
    QTest.keyClick(block, getattr(Qt.Key, f"Key_{digit}"))
    detail = window.controller.detail
    saved = window.status.saved_label.text().startswith("Đã lưu lúc")
    if saved:
        print("SAVED", detail.code, block.criterion.id, detail.points[block.criterion.id], flush=True)
    QTimer.singleShot(0, tick)
QTimer.singleShot(0, tick)
app.exec()
"""


def test_kill_9_while_scoring_loses_nothing_shown_as_saved(tmp_path: Path) -> None:
    profile, db, _ref = imported_profile(tmp_path, entries=5)
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile.root)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    shown: dict[tuple[str, str], float] = {}
    lines = 0
    try:
        for line in child.stdout:
            parts = line.split()
            if parts and parts[0] == "SAVED":
                shown[(parts[1], parts[2])] = float(parts[3])
                lines += 1
                if lines >= 40:
                    break
        child.kill()  # mid-flight: it keeps scoring until this moment
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == KILLED_RETURNCODE
    assert lines >= 40 and len(shown) >= 8
    with closing(sqlite3.connect(profile.database)) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {
            (code, key): points
            for code, key, points in con.execute(
                "SELECT e.code, s.criterion_key, s.points FROM score s "
                "JOIN assignment a ON a.id = s.assignment_id JOIN entry e ON e.id = a.entry_id"
            )
        }
    # Every change shown as saved is on disk. At most one later change (the one in flight when
    # the process died, committed but not yet printed) may have replaced a shown value.
    assert [key for key in shown if key not in stored] == []
    changed = [key for key, points in shown.items() if stored[key] != points]
    assert len(changed) <= 1
