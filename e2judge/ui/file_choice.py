"""Where exported files go: the folder used last (else Documents), and the save/open file dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from e2judge.ui.context import AppContext

FOLDER_SETTING = "export_folder"


def default_folder(ctx: AppContext) -> str:
    """The folder used last for an export, else Documents, else the home folder."""
    last = ctx.settings.get_str(FOLDER_SETTING)
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(ctx: AppContext, folder: Path) -> None:
    ctx.settings.set_str(FOLDER_SETTING, str(folder))


def ask_save_path(
    ctx: AppContext, window: QWidget, title: str, name: str, file_filter: str, suffix: str
) -> Path | None:
    """The save dialog (it confirms overwriting), starting in the last folder with ``name``.

    ``suffix`` (".pdf") is added when the judge typed a name without it. None when cancelled.
    """
    start = str(Path(default_folder(ctx)) / name)
    chosen, _filter = QFileDialog.getSaveFileName(window, title, start, file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(ctx, path.parent)
    return path


def ask_open_path(ctx: AppContext, window: QWidget, title: str, file_filter: str) -> Path | None:
    """The open dialog for an existing file, starting in the last folder. None when cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(window, title, default_folder(ctx), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder(ctx, path.parent)
    return path


def ask_folder(ctx: AppContext, window: QWidget, title: str) -> Path | None:
    """The folder dialog (e.g. a USB drive), starting in the last folder. None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(window, title, default_folder(ctx))
    if not chosen:
        return None
    remember_folder(ctx, Path(chosen))
    return Path(chosen)
