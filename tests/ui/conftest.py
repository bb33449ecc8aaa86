"""Fixtures for the judge's window: real profiles with real signed batches imported, real widgets."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from e2judge.core.contest import EntrySpec
from e2judge.db.session import open_judge_db
from e2judge.paths import Profile
from e2judge.ui.context import AppContext
from e2judge.ui.fonts import install_fonts
from e2judge.ui.i18n import Languages
from e2judge.ui.main_window import MainWindow
from e2judge.ui.settings import UiSettings
from tests.helpers.batches import imported_profile

WindowFactory = Callable[..., MainWindow]
UI_TESTS = Path(__file__).resolve().parent
# The offscreen platform plugin says this whenever a dialog is shown; it is not about our code.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def _fonts(qapp: QApplication) -> None:
    install_fonts(qapp)


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    """Build a main window on a fresh profile (with a real batch imported unless ``empty``)."""
    made: list[tuple[MainWindow, AppContext]] = []

    def factory(
        *,
        entries: int = 5,
        blind: bool = False,
        lang: str = "vi",
        entry_specs: Sequence[EntrySpec] | None = None,
        empty: bool = False,
        start_backups: bool = False,
        folder: Path | None = None,
        **kwargs: Any,
    ) -> MainWindow:
        base = folder or tmp_path
        if empty:
            profile = Profile(base / "profile").ensure()
            db = open_judge_db(profile.database)
        else:
            profile, db, _ref = imported_profile(
                base, entries=entries, blind=blind, entry_specs=entry_specs, **kwargs
            )
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        ctx = AppContext(profile, db, Languages(app, lang), UiSettings(profile))
        window = MainWindow.for_context(ctx, start_backups=start_backups)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        made.append((window, ctx))
        return window

    yield factory
    for window, ctx in made:
        window.close()
        ctx.languages.close()
        ctx.close_db()


def db_rows(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows read with a separate, plain sqlite3 connection: what is really on disk."""
    with closing(sqlite3.connect(path)) as con:
        return con.execute(sql, params).fetchall()


def stored_points(window: MainWindow, code: str) -> dict[str, float | None]:
    rows = db_rows(
        window.ctx.profile.database,
        "SELECT s.criterion_key, s.points FROM score s JOIN assignment a ON a.id = s.assignment_id "
        "JOIN entry e ON e.id = a.entry_id WHERE e.code = ?",
        code,
    )
    return dict(rows)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` (any Unicode, e.g. Vietnamese) as key events; QTest's keyClicks is ASCII-only."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class UrlCatcher(QObject):
    """Receives file:// URLs instead of the system viewer (Qt's own hook for this)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def catcher() -> Iterator[UrlCatcher]:
    found = UrlCatcher()
    QDesktopServices.setUrlHandler("file", found, "open")
    yield found
    QDesktopServices.unsetUrlHandler("file")
