"""Qt facts the self-test checks (``e2judge.selftest`` itself imports no Qt, per the layering rule)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QObject
from PySide6.QtPdf import QPdfDocument


def platform_plugins() -> Path:
    """The folder Qt loads its window-system (platform) plugins from."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def read_pdf(path: Path, parent: QObject) -> tuple[int, str]:
    """Page count and first-page text of a PDF, read by Qt's PDF engine (the app's viewer).

    Raises ``ValueError`` naming Qt's error when the document does not load.
    """
    document = QPdfDocument(parent)
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise ValueError(f"Qt cannot read {path.name}: {error.name}")
        pages = document.pageCount()
        text = document.getAllText(0).text() if pages else ""
        return pages, text
    finally:
        document.close()
        document.deleteLater()
