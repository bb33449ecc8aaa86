"""The results chart: each judge's totals as dots over a box plot, on one 0–100 % scale.

Drawn with reportlab's own graphics (no matplotlib). A judge whose box sits left of the overall mean
line scores harshly, right of it leniently. Every string names the embedded font explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color

from e2judge.core.labels import Labels
from e2judge.pdf.fonts import BOLD, FAMILY
from e2judge.pdf.styles import ACCENT, INK, MUTED, RULE, SECTION_BG, WARN_INK

ROW_HEIGHT = 24.0
MAX_ROWS = 22  # judges per drawing; more are drawn as further drawings
_LABEL_WIDTH = 112.0
_TOP = 16.0
_AXIS = 30.0
_BOX_FILL = colors.HexColor("#C9D8E8")
_JITTER = (0.0, 3.5, -3.5, 1.75, -1.75, 5.25, -5.25)


@dataclass(frozen=True)
class JudgeSeries:
    """One judge's totals as percentages of the maximum."""

    key: str
    name: str
    percents: tuple[float, ...]


def quantile(ordered: Sequence[float], q: float) -> float:
    """The ``q`` quantile of sorted values, by linear interpolation."""
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _fit(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _rect(
    x: float, y: float, width: float, height: float, fill: Color, stroke: Color | None, line: float
) -> Rect:
    rect = Rect(x, y, width, height)
    rect.fillColor, rect.strokeColor, rect.strokeWidth = fill, stroke, line
    return rect


def distribution_charts(
    series: Sequence[JudgeSeries], overall_percent: float | None, width: float, lb: Labels
) -> list[Drawing]:
    """One drawing per ``MAX_ROWS`` judges (at least one when there is any judge)."""
    return [
        _drawing(series[start : start + MAX_ROWS], overall_percent, width, lb)
        for start in range(0, len(series), MAX_ROWS)
    ]


def _drawing(series: Sequence[JudgeSeries], overall: float | None, width: float, lb: Labels) -> Drawing:
    height = _TOP + ROW_HEIGHT * len(series) + _AXIS
    # The initial font: else the renderer falls back to (non-embedded) Helvetica between strings.
    d = Drawing(width, height, initialFontName=FAMILY, initialFontSize=8)
    x0, x1 = _LABEL_WIDTH + 6, width - 10

    def x(percent: float) -> float:
        return x0 + (x1 - x0) * max(0.0, min(100.0, percent)) / 100.0

    plot_top = height - _TOP
    plot_bottom = _AXIS
    for tick in range(0, 101, 10):
        major = tick % 20 == 0
        d.add(
            Line(
                x(tick), plot_bottom, x(tick), plot_top, strokeColor=RULE, strokeWidth=0.5 if major else 0.25
            )
        )
        if major:
            d.add(
                String(
                    x(tick),
                    plot_bottom - 10,
                    lb.number(tick),
                    fontName=FAMILY,
                    fontSize=7.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    d.add(
        String(
            (x0 + x1) / 2,
            4,
            lb("chart_axis"),
            fontName=FAMILY,
            fontSize=8,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    d.add(Line(x0, plot_bottom, x1, plot_bottom, strokeColor=MUTED, strokeWidth=0.6))
    for row, judge in enumerate(series):
        y = plot_top - ROW_HEIGHT * (row + 0.5)
        if row % 2 == 0:
            d.add(_rect(0, y - ROW_HEIGHT / 2, width, ROW_HEIGHT, SECTION_BG, None, 0))
        label = _fit(judge.key, BOLD, 8, _LABEL_WIDTH)
        d.add(String(2, y + 1, label, fontName=BOLD, fontSize=8, fillColor=INK))
        detail = f"{judge.name} · {lb('chart_count', count=len(judge.percents))}"
        d.add(
            String(
                2, y - 8, _fit(detail, FAMILY, 7, _LABEL_WIDTH), fontName=FAMILY, fontSize=7, fillColor=MUTED
            )
        )
        values = sorted(judge.percents)
        if not values:
            continue
        q1, q2, q3 = (quantile(values, q) for q in (0.25, 0.5, 0.75))
        low, high = values[0], values[-1]
        d.add(Line(x(low), y, x(q1), y, strokeColor=ACCENT, strokeWidth=0.8))
        d.add(Line(x(q3), y, x(high), y, strokeColor=ACCENT, strokeWidth=0.8))
        for end in (low, high):
            d.add(Line(x(end), y - 3, x(end), y + 3, strokeColor=ACCENT, strokeWidth=0.8))
        d.add(_rect(x(q1), y - 5, max(x(q3) - x(q1), 0.8), 10, _BOX_FILL, ACCENT, 0.7))
        d.add(Line(x(q2), y - 6, x(q2), y + 6, strokeColor=ACCENT, strokeWidth=2))
        for index, value in enumerate(judge.percents):
            dot = Circle(x(value), y + _JITTER[index % len(_JITTER)], 1.7, fillColor=INK, strokeColor=None)
            dot.fillOpacity = 0.55
            d.add(dot)
    if overall is not None:
        d.add(
            Line(
                x(overall),
                plot_bottom,
                x(overall),
                plot_top + 2,
                strokeColor=WARN_INK,
                strokeWidth=0.9,
                strokeDashArray=[3, 2],
            )
        )
        d.add(
            String(
                x(overall),
                plot_top + 5,
                lb("chart_mean"),
                fontName=FAMILY,
                fontSize=7.5,
                fillColor=WARN_INK,
                textAnchor="middle",
            )
        )
    return d
