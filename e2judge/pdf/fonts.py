"""The one font family every PDF uses: Be Vietnam Pro, embedded (subset) so Vietnamese prints right.

reportlab's built-in Helvetica has no Vietnamese glyphs ("Đổi mới" comes out as black squares), so
no report may fall back to a built-in font: styles and table styles name ``FAMILY`` explicitly.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "BeVietnamPro"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FILES = {
    FAMILY: "BeVietnamPro-Regular.ttf",
    BOLD: "BeVietnamPro-Bold.ttf",
    ITALIC: "BeVietnamPro-Italic.ttf",
    BOLD_ITALIC: "BeVietnamPro-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    """The folder holding the Be Vietnam Pro TTF files (from the ``fontpkg-be-vietnam-pro`` package)."""
    from fontpkg_be_vietnam_pro import ROOT

    return Path(ROOT) / "files"


def register_fonts() -> str:
    """Register the family with reportlab (once per process) and return its name for styles."""
    global _registered  # noqa: PLW0603 - a process-wide "done once" flag
    with _lock:
        if _registered:
            return FAMILY
        folder = font_dir()
        for name, file_name in _FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise FileNotFoundError(f"font file missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        _registered = True
        return FAMILY
