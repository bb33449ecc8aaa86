"""The installed Qt binding survives a long session (PySide6 6.12.0 on Python 3.11 did not; see compat.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from e2judge.ui.compat import binding_problem

ROOT = Path(__file__).resolve().parents[2]

# 20,000 label updates and signal emissions: PySide6 6.12.0 on CPython 3.11 aborts after about
# 5,000 ("none_dealloc: deallocating None").
CHILD = """
import sys
import e2judge.ui
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
app = QApplication(sys.argv[:1])
label, line = QLabel(), QLineEdit()
for i in range(20_000):
    label.setText("a")
    label.setVisible(False)
    line.textChanged.emit("x")
print("survived", flush=True)
"""


def test_a_long_session_of_label_updates_and_signals_survives() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_the_known_broken_pair_is_refused_with_a_clear_message() -> None:
    assert binding_problem("6.12.0", (3, 11)) is not None
    assert "Python 3.12" in (binding_problem("6.12.0", (3, 11)) or "")
    assert binding_problem("6.12.0", (3, 12)) is None
    assert binding_problem("6.11.3", (3, 11)) is None
    assert binding_problem() is None  # what is installed here is a good pair
