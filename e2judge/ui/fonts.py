"""The bundled Be Vietnam Pro font, so text renders the same offscreen and on Windows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FACES = ("Regular", "Medium", "SemiBold", "Bold", "Italic")
POINT_SIZE = 10


def font_files() -> list[Path]:
    """The font files shipped by ``fontpkg-be-vietnam-pro`` (empty when the package is missing)."""
    try:
        import fontpkg_be_vietnam_pro
    except ImportError:  # pragma: no cover - a dependency, but never fatal for the UI
        return []
    folder = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
    return [
        folder / f"BeVietnamPro-{face}.ttf"
        for face in FACES
        if (folder / f"BeVietnamPro-{face}.ttf").is_file()
    ]


def install_fonts(app: QApplication) -> str | None:
    """Register the fonts and make Be Vietnam Pro the application font; returns its family."""
    family: str | None = None
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    if family is not None:
        font = QFont(family, POINT_SIZE)
        font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
        app.setFont(font)
    return family
