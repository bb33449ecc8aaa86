"""Crash handling: tracebacks go to the profile's rotating log, and a judge sees a dialog they understand."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from e2judge import crash
from e2judge.paths import Profile
from e2judge.ui import crash_dialog
from e2judge.ui.crash_dialog import CrashDialog, install_crash_handler


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    made = Profile(tmp_path / "profile").ensure()
    yield made
    crash.uninstall()


def raise_and_hook(message: str) -> None:
    """An exception nobody caught, handed to the installed hook as Python would."""
    try:
        raise RuntimeError(message)
    except RuntimeError:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        sys.excepthook(kind, exc, tb)


def test_an_unhandled_exception_is_written_to_the_log(profile: Profile) -> None:
    seen: list[tuple[str, Path]] = []
    log = crash.install_excepthook(profile, on_crash=lambda text, path: seen.append((text, path)))

    raise_and_hook("the database went away")

    assert log == profile.logs / "e2judge.log"
    text = log.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "unhandled exception" in text
    assert "Traceback (most recent call last):" in text
    assert "RuntimeError: the database went away" in text
    assert "in raise_and_hook" in text
    assert len(seen) == 1
    assert seen[0][1] == log and "RuntimeError: the database went away" in seen[0][0]


def test_a_failing_crash_callback_is_logged_too_and_does_not_recurse(profile: Profile) -> None:
    calls: list[str] = []

    def broken(text: str, path: Path) -> None:
        calls.append(text)
        raise ValueError("the dialog could not be shown")

    log = crash.install_excepthook(profile, on_crash=broken)
    raise_and_hook("first error")

    text = log.read_text(encoding="utf-8")
    assert len(calls) == 1
    assert "RuntimeError: first error" in text
    assert "ValueError: the dialog could not be shown" in text


def test_errors_in_other_threads_are_logged(profile: Profile) -> None:
    log = crash.install_excepthook(profile)

    def work() -> None:
        raise KeyError("missing in a worker thread")

    thread = threading.Thread(target=work, name="backup-worker")
    thread.start()
    thread.join()

    text = log.read_text(encoding="utf-8")
    assert "unhandled exception in thread backup-worker" in text
    assert "KeyError: 'missing in a worker thread'" in text


def test_ctrl_c_is_not_a_crash(profile: Profile, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[str] = []
    log = crash.install_excepthook(profile, on_crash=lambda text, path: seen.append(text))
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        sys.excepthook(kind, exc, tb)

    assert seen == []
    assert "KeyboardInterrupt" not in log.read_text(encoding="utf-8")
    assert "KeyboardInterrupt" in capsys.readouterr().err


def test_the_log_rotates_at_1_mb_keeping_5_old_files(profile: Profile) -> None:
    log = crash.setup_logging(profile)
    logger = logging.getLogger("e2judge.test")
    line = "x" * 1000
    for _ in range(7 * 1100):  # about 7.7 MB
        logger.info(line)

    names = sorted(p.name for p in profile.logs.iterdir() if p.name.startswith("e2judge.log"))
    assert names == ["e2judge.log", *(f"e2judge.log.{n}" for n in range(1, 6))]
    assert all(p.stat().st_size <= crash.MAX_BYTES for p in profile.logs.glob("e2judge.log*"))
    assert log.stat().st_size > 0


def test_setting_up_again_replaces_the_handler(profile: Profile, tmp_path: Path) -> None:
    crash.setup_logging(profile)
    other = Profile(tmp_path / "other").ensure()
    crash.setup_logging(other)
    logging.getLogger("e2judge.test").warning("only in the other profile")

    assert "only in the other profile" in crash.log_file(other).read_text(encoding="utf-8")
    assert "only in the other profile" not in crash.log_file(profile).read_text(encoding="utf-8")


# --- the dialog -------------------------------------------------------------------------------


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Dialogs that were shown (``exec`` records instead of blocking)."""
    dialogs: list[CrashDialog] = []

    def exec_(self: CrashDialog) -> int:
        dialogs.append(self)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(CrashDialog, "exec", exec_)
    return dialogs


@pytest.mark.qt_no_exception_capture
def test_an_error_in_the_gui_shows_the_judge_a_dialog(
    qtbot: QtBot, profile: Profile, shown: list[CrashDialog]
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    log = install_crash_handler(profile)

    def slot() -> None:
        raise ZeroDivisionError("a bug in a slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)

    dialog = shown[0]
    assert dialog.windowTitle() == "E2 Judge — Đã xảy ra lỗi"
    assert dialog.text() == "Đã xảy ra lỗi không mong muốn."
    info = dialog.informativeText()
    assert "Điểm của bạn đã được lưu" in info
    assert str(log) in info
    assert dialog.close_button.text() == "Đóng"
    assert "ZeroDivisionError: a bug in a slot" in log.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_the_dialog_speaks_english_when_the_ui_does(
    qtbot: QtBot, profile: Profile, shown: list[CrashDialog]
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        install_crash_handler(profile)
        raise_and_hook("boom")
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))

    assert shown[0].text() == "An unexpected error occurred."
    assert "Your scores are saved" in shown[0].informativeText()


@pytest.mark.qt_no_exception_capture
def test_copy_puts_the_details_on_the_clipboard(
    qtbot: QtBot, profile: Profile, shown: list[CrashDialog]
) -> None:
    from PySide6.QtGui import QGuiApplication

    log = install_crash_handler(profile)
    raise_and_hook("copy me")
    dialog = shown[0]
    dialog.copy_button.click()

    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    copied = clipboard.text()
    assert copied.startswith(str(log)) and "RuntimeError: copy me" in copied


@pytest.mark.qt_no_exception_capture
def test_a_storm_of_errors_shows_a_few_dialogs_and_logs_them_all(
    qtbot: QtBot, profile: Profile, shown: list[CrashDialog]
) -> None:
    log = install_crash_handler(profile)
    for n in range(crash_dialog.MAX_DIALOGS + 3):
        raise_and_hook(f"error number {n}")

    assert len(shown) == crash_dialog.MAX_DIALOGS
    text = log.read_text(encoding="utf-8")
    assert all(f"error number {n}" in text for n in range(crash_dialog.MAX_DIALOGS + 3))
