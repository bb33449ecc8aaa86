"""The window settings file: written atomically; a failed write is reported, never silently dropped."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from e2judge.paths import Profile
from e2judge.ui.settings import FILE_NAME, UiSettings
from tests.ui.conftest import WindowFactory


def test_settings_are_written_and_read_back(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "profile").ensure()
    UiSettings(profile).language = "en"
    assert json.loads((profile.root / FILE_NAME).read_text(encoding="utf-8")) == {"language": "en"}
    assert UiSettings(profile).language == "en"
    assert [p.name for p in profile.root.iterdir() if p.name.endswith(".partial")] == []


def test_a_failed_write_is_reported(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "profile").ensure()
    (profile.root / FILE_NAME).mkdir()  # the name is taken by a folder: the move into place fails
    settings = UiSettings(profile)
    reported: list[OSError] = []
    settings.on_error = reported.append
    settings.language = "en"
    assert len(reported) == 1 and settings.error is reported[0]
    assert settings.language == "en"  # still applies for this session


def test_the_window_tells_the_person_once(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    (window.ctx.profile.root / FILE_NAME).unlink(missing_ok=True)
    (window.ctx.profile.root / FILE_NAME).mkdir()
    window.set_language("en")
    window.set_language("vi")

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: len(boxes()) == 1)
    (box,) = boxes()
    assert box.icon() == QMessageBox.Icon.Warning
    assert "Your scores are not affected" in box.text()  # the language had just switched to English
    box.close()
