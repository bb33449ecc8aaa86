"""Starting the judge's window: ``e2judge`` (no command) and ``e2judge --demo``.

Order: resolve the profile (``--home``, ``$E2JUDGE_HOME``, portable, user data dir; ``--demo``: a
throw-away temporary profile with the bundled demo batch imported), take the single-instance lock
(refused with a clear message when another window has it), show the window at once, then open
the database (migrations), back it up and load the rounds. The database layer is imported only
after the first paint, so the window appears in a fraction of a second even on slow laptops.
The UI language is ``--lang``, else the one saved in the profile, else Vietnamese.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from e2judge.paths import Profile, profile_dir, resource
from e2judge.services.judge.instance_lock import ProfileLock, ProfileLocked
from e2judge.ui.context import AppContext
from e2judge.ui.crash_dialog import install_crash_handler
from e2judge.ui.fonts import install_fonts
from e2judge.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, Languages, translate_message_box
from e2judge.ui.main_window import MainWindow
from e2judge.ui.settings import UiSettings

if TYPE_CHECKING:
    from e2judge.db.session import Database

DEMO_JUDGE = "GK01"
WINDOW_SIZE = (1366, 768)


def demo_batch() -> Path | None:
    """The bundled demo batch for judge GK01 (the first by name), if the demo is bundled."""
    folder = resource("demo", "batches")
    if not folder.is_dir():
        return None
    batches = sorted(folder.glob("*.e2batch"), key=lambda p: p.name)
    for path in batches:
        if DEMO_JUDGE.casefold() in path.name.casefold():
            return path
    return batches[0] if batches else None


def make_application() -> QApplication:
    """The QApplication with the app's name, font and a light Fusion style."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName("E2 Judge")
    QCoreApplication.setOrganizationName("E2Judge")
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)
    install_fonts(app)
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource("icons", f"e2judge-{size}.png")))
    app.setWindowIcon(icon)
    return app


def choose_language(explicit: str | None, settings: UiSettings) -> str:
    for lang in (explicit, settings.language):
        if lang in LANGUAGES:
            return str(lang)
    return DEFAULT_LANGUAGE


def show_error(title: str, text: str, detail: str = "") -> None:
    """A blocking error box before or outside the main window (plain text)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(detail)
    translate_message_box(box)
    box.exec()


def import_demo(db: Database, profile: Profile) -> bool:
    """Import the bundled demo batch into a fresh profile; False when it is not bundled."""
    from e2judge.services.judge.import_batch import import_batch

    batch = demo_batch()
    if batch is None:
        return False
    import_batch(db, profile, batch)
    return True


def open_profile(window: MainWindow, demo: bool) -> AppContext | None:
    """Second phase: open (and migrate) the database, attach it to the window; None on failure."""
    from e2judge.db.session import open_judge_db

    profile = window.profile
    db: Database | None = None
    try:
        db = open_judge_db(profile.database)
        if demo:
            import_demo(db, profile)
    except Exception as exc:
        if db is not None:
            db.close()
        show_error(
            QCoreApplication.translate("App", "Cannot open the profile"),
            QCoreApplication.translate("App", "E2 Judge could not open the database of this profile."),
            f"{profile.database}\n\n{exc}",
        )
        return None
    ctx = AppContext(profile=profile, db=db, languages=window.languages, settings=window.settings, demo=demo)
    window.attach(ctx)
    return ctx


def run_gui(home: str | None, demo: bool, lang: str | None) -> int:
    """Open the judge's window; returns the process exit code."""
    app = make_application()
    temp_root = Path(tempfile.mkdtemp(prefix="e2judge-demo-")) if demo else None
    profile = Profile(temp_root if temp_root is not None else profile_dir(home)).ensure()
    settings = UiSettings(profile)
    languages = Languages(app, choose_language(lang, settings))
    lock = ProfileLock(profile)
    try:
        lock.acquire()
    except ProfileLocked:
        show_error(
            QCoreApplication.translate("App", "E2 Judge is already open"),
            QCoreApplication.translate(
                "App",
                "This profile is already open in another E2 Judge window. "
                "Use that window, or close it first.",
            ),
            str(profile.root),
        )
        languages.close()
        return 1
    previous_hooks = (sys.excepthook, threading.excepthook)
    install_crash_handler(profile)  # log + "your scores are safe" dialog for unexpected errors
    opened: list[AppContext | None] = []
    try:
        window = MainWindow(profile, languages, settings, demo=demo)
        window.resize(*WINDOW_SIZE)
        screen = app.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is not None and (
            available.width() <= WINDOW_SIZE[0] or available.height() <= WINDOW_SIZE[1]
        ):
            window.showMaximized()
        else:
            window.show()
        app.processEvents()  # the first paint, before the database layer is even imported
        if os.environ.get("E2JUDGE_BENCH_SHOWN"):  # bench/frozen.py times the frozen app to here
            print("SHOWN", flush=True)

        def second_phase() -> None:
            ctx = open_profile(window, demo)
            opened.append(ctx)
            if ctx is None:
                window.close()
                app.exit(1)

        QTimer.singleShot(0, second_phase)
        code = app.exec()
        ctx = opened[0] if opened else None
        if ctx is not None:
            window.backups.backup_now()
            ctx.close_db()
        return code
    finally:
        sys.excepthook, threading.excepthook = previous_hooks
        lock.release()
        languages.close()
        if temp_root is not None:
            shutil.rmtree(temp_root, ignore_errors=True)
