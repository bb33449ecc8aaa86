"""``run_gui``: profile resolution, the single-instance lock, the demo profile, backups on start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytest import MonkeyPatch

from e2judge.app import demo_batch, run_gui
from e2judge.paths import Profile
from e2judge.services.judge.backup import list_backups
from e2judge.services.judge.instance_lock import ProfileLock
from e2judge.ui.main_window import MainWindow
from tests.helpers.batches import imported_profile


def close_when_shown(seen: dict[str, object]) -> None:
    """Record what the window shows, then close it (ends ``app.exec()``)."""

    def check() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or not windows[0].attached:
            QTimer.singleShot(50, check)
            return
        window = windows[0]
        seen["rows"] = window.model.rowCount()
        seen["title"] = window.windowTitle()
        seen["file_menu"] = window.file_menu.title()
        seen["demo_badge"] = window.view.demo_badge.isVisibleTo(window.view)
        seen["profile"] = window.ctx.profile.root
        window.close()

    QTimer.singleShot(50, check)


def test_a_locked_profile_is_refused_with_a_clear_message(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    profile = Profile(tmp_path / "profile").ensure()
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    with ProfileLock(profile):
        assert run_gui(str(profile.root), demo=False, lang="vi") == 1
    assert len(shown) == 1
    assert "đang được mở trong một cửa sổ E2 Judge khác" in shown[0]
    assert str(profile.root) in shown[0]


def test_opens_the_profile_backs_it_up_and_releases_the_lock(tmp_path: Path) -> None:
    profile, db, _ref = imported_profile(tmp_path, entries=6)
    db.close()
    seen: dict[str, object] = {}
    close_when_shown(seen)
    assert run_gui(str(profile.root), demo=False, lang=None) == 0
    assert seen["rows"] == 6
    assert seen["file_menu"] == "&Tệp"  # Vietnamese by default
    assert len(list_backups(profile)) >= 1
    with ProfileLock(profile):  # released on exit
        pass


def test_demo_runs_in_a_throw_away_profile(tmp_path: Path) -> None:
    seen: dict[str, object] = {}
    close_when_shown(seen)
    assert run_gui(None, demo=True, lang="en") == 0
    assert seen["file_menu"] == "&File"
    root = seen["profile"]
    assert isinstance(root, Path) and not root.exists()
    if demo_batch() is not None:
        assert isinstance(seen["rows"], int) and seen["rows"] > 0
        assert seen["demo_badge"] is True
        assert "demo" in str(seen["title"])
    else:
        assert seen["rows"] == 0
