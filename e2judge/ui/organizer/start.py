"""Starting the organizer's window: ``e2judge organizer [ORGDIR]`` and ``e2judge organizer --demo``.

``--demo`` copies the bundled lived-in demo workspace (``resources/demo/organizer-demo``, made by
``scripts/make_org_demo.py``) into a temporary folder, removed when the window closes.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from e2judge.paths import resource
from e2judge.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, Languages
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.dialogs import ask_passphrase
from e2judge.ui.organizer.window import OrganizerWindow

WINDOW_SIZE = (1366, 768)


def demo_source() -> Path:
    return resource("demo", "organizer-demo")


def copy_demo(target: Path) -> tuple[Path, Path]:
    """Copy the demo workspace and its 'USB stick' of sheets into ``target``: (workspace, usb)."""
    source = demo_source()
    shutil.copytree(source / "btc-demo", target / "btc-demo")
    shutil.copytree(source / "usb", target / "usb")
    return target / "btc-demo", target / "usb"


def ask_save(parent: QWidget, title: str, name: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, name)
    return Path(chosen) if chosen else None


def ask_folder(parent: QWidget, title: str, _name: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title)
    return Path(chosen) if chosen else None


def make_context(languages: Languages, orgdir: Path | None, demo: bool) -> OrgContext:
    return OrgContext(languages, ask_passphrase, ask_save, ask_folder, orgdir=orgdir, demo=demo)


def run_organizer(orgdir: Path | None, *, demo: bool = False, lang: str | None = None) -> int:
    """Open the organizer's window; returns the process exit code."""
    from e2judge.app import make_application

    app = make_application()
    languages = Languages(app, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    if demo and not (demo_source() / "btc-demo").is_dir():
        from e2judge.app import show_error

        show_error(
            QCoreApplication.translate("App", "Cannot open the profile"),
            QCoreApplication.translate("OrgStart", "The organizer's demo workspace is not bundled here."),
            str(demo_source()),
        )
        languages.close()
        return 1
    temp_root = Path(tempfile.mkdtemp(prefix="e2judge-org-demo-")) if demo else None
    try:
        if temp_root is not None:
            orgdir, _usb = copy_demo(temp_root)
        window = OrganizerWindow(make_context(languages, orgdir, demo))
        if temp_root is not None:
            from e2judge.services.org.demo import REPORT, demo_report

            window.collector.show_report(demo_report(demo_source() / REPORT))
        window.resize(*WINDOW_SIZE)
        window.show()
        return QCoreApplication.exec()
    finally:
        languages.close()
        if temp_root is not None:
            shutil.rmtree(temp_root, ignore_errors=True)
