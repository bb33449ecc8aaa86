"""Paragraph and table styles for every report, all in the embedded Vietnamese font, and safe text."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from e2judge.core.text import BIDI_CONTROLS
from e2judge.pdf.fonts import BOLD, FAMILY, ITALIC, register_fonts

INK = colors.HexColor("#1B1F24")
MUTED = colors.HexColor("#5B6570")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#AAB4BE")
HEAD_BG = colors.HexColor("#E4EBF2")
SECTION_BG = colors.HexColor("#F2F5F8")
WARN_BG = colors.HexColor("#FBE9E7")
WARN_INK = colors.HexColor("#A1261A")

# Control characters a PDF font has no glyph for (tab and line breaks are handled separately).
_DROP = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n") | {"\x7f", "\ufeff"} | BIDI_CONTROLS


def safe_markup(value: object) -> str:
    """Text made ready for a platypus Paragraph: NFC, controls and bidi overrides removed,
    XML-escaped (``<b>`` and ``&amp;`` print as written), line breaks kept as ``<br/>``."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch not in _DROP)
    return "<br/>".join(escape(line) for line in text.strip().split("\n"))


class Para(Paragraph):
    """A Paragraph that remembers its line breaks for the width it was last wrapped to.

    Tables wrap each cell's paragraphs several times (to size rows, to split, to draw); breaking
    the same text to the same width again gives the same lines, so it is done once.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_width and hasattr(self, "blPara"):
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth if height != 0x7FFFFFFF else None
        return width, height


def plain(value: object) -> str:
    """Text for a plain table cell (drawn as is, never parsed): NFC, one line, no control characters."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    return " ".join("".join(ch for ch in text if ch not in _DROP).split())


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the reports."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_head: ParagraphStyle
    head_right: ParagraphStyle
    head_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    center_bold: ParagraphStyle
    center_muted: ParagraphStyle
    label: ParagraphStyle
    warning: ParagraphStyle
    _shared: dict[tuple[str, str], Para] = field(default_factory=dict, compare=False, repr=False)
    _derived: dict[str, ParagraphStyle] = field(default_factory=dict, compare=False, repr=False)

    def p(self, value: object, style: ParagraphStyle | None = None, *, bullet: str | None = None) -> Para:
        """A Paragraph of plain text (escaped: never read as markup); ``bullet`` hangs on its left."""
        return Para(
            safe_markup(value), style or self.body, bulletText=None if bullet is None else plain(bullet)
        )

    def derived(self, name: str, parent: ParagraphStyle, **overrides: Any) -> ParagraphStyle:
        """A style made from ``parent`` once per document (``name`` identifies it)."""
        found = self._derived.get(name)
        if found is None:
            found = self._derived[name] = ParagraphStyle(name, parent=parent, **overrides)
        return found

    def shared(
        self,
        value: object,
        style: ParagraphStyle | None = None,
        *,
        markup: bool = False,
        bullet: str | None = None,
    ) -> Para:
        """Like ``p``, but one object per (text, style) for this document: for table cells whose text
        repeats from entry to entry (criteria, levels), so it is parsed and broken into lines once.
        Never for top-level flowables (the frame marks those it has to move). With ``markup``,
        ``value`` is markup built by the report (as for ``markup``)."""
        style = style or self.body
        key = (style.name, f"{int(markup)}{bullet}\x00{value}")
        found = self._shared.get(key)
        if found is None:
            found = self.markup(str(value), style) if markup else self.p(value, style, bullet=bullet)
            self._shared[key] = found
        return found

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Para:
        """A Paragraph of markup built by the report (every piece of text through ``safe_markup``)."""
        return Para(markup, style or self.body)


def make_styles() -> Styles:
    """The styles, with the font family registered."""
    register_fonts()

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": FAMILY, "fontSize": 10, "leading": 13.5, "textColor": INK}
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        title=style(
            "title",
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceAfter=2,
        ),
        subtitle=style("subtitle", fontSize=11.5, leading=15, alignment=TA_CENTER, spaceAfter=8),
        heading=style(
            "heading", fontName=BOLD, fontSize=11, leading=14, textColor=ACCENT, spaceBefore=10, spaceAfter=4
        ),
        body=style("body", spaceAfter=4),
        small=style("small", fontSize=8.5, leading=11, textColor=MUTED),
        cell=style("cell", fontSize=9.5, leading=12.5),
        cell_bold=style("cell_bold", fontName=BOLD, fontSize=9.5, leading=12.5),
        cell_muted=style("cell_muted", fontName=ITALIC, fontSize=9, leading=12, textColor=MUTED),
        cell_head=style("cell_head", fontName=BOLD, fontSize=9, leading=11.5, textColor=ACCENT),
        head_right=style(
            "head_right", fontName=BOLD, fontSize=9, leading=11.5, textColor=ACCENT, alignment=TA_RIGHT
        ),
        head_center=style(
            "head_center", fontName=BOLD, fontSize=9, leading=11.5, textColor=ACCENT, alignment=TA_CENTER
        ),
        cell_right=style("cell_right", fontSize=9.5, leading=12.5, alignment=TA_RIGHT),
        cell_center=style("cell_center", fontSize=9.5, leading=12.5, alignment=TA_CENTER),
        center_bold=style("center_bold", fontName=BOLD, fontSize=9.5, leading=12.5, alignment=TA_CENTER),
        center_muted=style(
            "center_muted", fontName=ITALIC, fontSize=9, leading=12, textColor=MUTED, alignment=TA_CENTER
        ),
        label=style("label", fontSize=9.5, leading=12.5, textColor=MUTED),
        warning=style("warning", fontName=BOLD, fontSize=10, leading=13.5, textColor=WARN_INK),
    )


def grid_style(*extra: tuple[Any, ...], header: bool = True) -> TableStyle:
    """A ruled table in the report font; ``header`` shades the first row (repeated on new pages)."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        commands += [
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    commands.extend(extra)
    return TableStyle(commands)


def plain_style(*extra: tuple[Any, ...]) -> TableStyle:
    """An unruled layout table in the report font."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    commands.extend(extra)
    return TableStyle(commands)
