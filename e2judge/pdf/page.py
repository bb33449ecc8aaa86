"""The common A4 page of every report: contest name in the header, "Trang x / y" in the footer.

The total page count needs two passes; the canvas keeps each finished page's drawing state and
writes the header and footer on all of them when the document is saved (the known
"numbered canvas" recipe). A ``PageNote`` flowable sets the right-hand header text (an entry's
code) from the page it is drawn on until the next note. A ``SectionStart`` flowable starts a new
section on the page it is drawn on: pages are then numbered within their section ("Trang 1 / 2" of
each entry's report, which is signed and filed on its own); a story without one is one section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from e2judge import __version__
from e2judge.core.labels import Labels
from e2judge.formats.safe_write import atomic_file
from e2judge.pdf.fonts import BOLD, FAMILY, register_fonts
from e2judge.pdf.styles import ACCENT, MUTED, RULE, WARN_INK

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
_HEADER_Y = PAGE_HEIGHT - 13 * mm
_FOOTER_Y = 11 * mm
_NOTE_ATTR = "_e2judge_note"
_SECTION_ATTR = "_e2judge_section"  # the page number the current section starts on


@dataclass(frozen=True)
class PageSetup:
    """What every page of a report shows around its content."""

    labels: Labels
    header_left: str  # the contest name
    header_right: str = ""  # the round, or a report kind; a PageNote overrides it
    footer_left: str = ""
    demo: bool = False
    unsigned: bool = False  # the batch came from a workbook, not a signed batch
    title: str = ""  # PDF metadata
    author: str = ""


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points."""
    text = " ".join(text.split())
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _canvas_class(setup: PageSetup) -> type[Canvas]:
    """A canvas class that defers pages until the total is known, then draws header and footer."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab internal, stable since 2.x

        def save(self) -> None:
            # each page numbered within its section: the run of pages since the last SectionStart
            sizes = Counter(int(state.get(_SECTION_ATTR, 1)) for state in self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                start = int(state.get(_SECTION_ATTR, 1))
                self._decorate(self.getPageNumber() - start + 1, sizes[start])
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, number_in_section: int, section_pages: int) -> None:
            labels = setup.labels
            self.saveState()
            note = str(getattr(self, _NOTE_ATTR, "") or setup.header_right)
            right_w = self.stringWidth(note, FAMILY, 8.5) if note else 0.0
            right_w = min(right_w, FRAME_WIDTH * 0.45)
            left = setup.header_left
            if setup.demo:
                left = f"[DEMO] {left}"
            self.setFillColor(ACCENT)
            self.setFont(BOLD, 8.5)
            self.drawString(MARGIN_X, _HEADER_Y, _fit(self, left, BOLD, 8.5, FRAME_WIDTH - right_w - 12))
            if note:
                self.setFillColor(MUTED)
                self.setFont(FAMILY, 8.5)
                self.drawRightString(PAGE_WIDTH - MARGIN_X, _HEADER_Y, _fit(self, note, FAMILY, 8.5, right_w))
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, _HEADER_Y - 2.5 * mm, PAGE_WIDTH - MARGIN_X, _HEADER_Y - 2.5 * mm)
            self.line(MARGIN_X, _FOOTER_Y + 4 * mm, PAGE_WIDTH - MARGIN_X, _FOOTER_Y + 4 * mm)
            self.setFont(FAMILY, 8)
            self.setFillColor(MUTED)
            number = labels("page", page=number_in_section, total=section_pages)
            number_w = self.stringWidth(number, FAMILY, 8)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, _FOOTER_Y, number)
            footer = setup.footer_left
            for flag, key in ((setup.unsigned, "unsigned"), (setup.demo, "demo")):
                if flag:
                    self.setFillColor(WARN_INK)
                    footer = f"{labels(key)} · {footer}" if footer else labels(key)
            self.drawString(MARGIN_X, _FOOTER_Y, _fit(self, footer, FAMILY, 8, FRAME_WIDTH - number_w - 12))
            self.restoreState()

    return NumberedCanvas


class PageNote(Flowable):
    """Invisible marker: the header's right-hand text from this page on (e.g. the entry's code)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        setattr(self.canv, _NOTE_ATTR, self.text)


class SectionStart(Flowable):
    """Invisible marker: a new section, numbered from 1 on its own, starts on the page it is drawn on.

    Put it at the top of a fresh page (after a ``PageBreak``); sections are runs of whole pages.
    """

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        setattr(self.canv, _SECTION_ATTR, self.canv.getPageNumber())


def build_pdf(out: Path, story: Sequence[Flowable], setup: PageSetup) -> int:
    """Lay ``story`` out on A4 pages into ``out`` (written atomically) and return the page count."""
    register_fonts()
    rl_config.useA85 = 0  # streams stay Flate-compressed; the 7-bit ASCII85 layer only costs time and size
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(out) as fh:
        doc = SimpleDocTemplate(
            fh,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=setup.title or setup.header_left,
            author=setup.author,
            creator=f"{setup.labels('app')} {__version__}",
            producer=setup.labels("app"),
            lang=setup.labels.lang,
            initialFontName=FAMILY,  # else every page starts in Helvetica (a non-embedded font)
            initialFontSize=10,
            initialLeading=13.5,
        )
        doc.build(list(story), canvasmaker=_canvas_class(setup))
        pages = int(doc.page)
    return pages
