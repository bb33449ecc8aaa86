"""Charts of the results drawn with QPainter (no chart library): a box plot of each judge's totals.

The distribution of all totals reuses the judge window's ``Histogram``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Box:
    """Five-number summary of one judge's totals (percent of the maximum)."""

    label: str
    low: float
    q1: float
    median: float
    q3: float
    high: float
    count: int


def quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (the common 'type 7' definition)."""
    if not sorted_values:
        raise ValueError("no values")
    pos = (len(sorted_values) - 1) * q
    lower = int(pos)
    upper = min(lower + 1, len(sorted_values) - 1)
    return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * (pos - lower)


def box_of(label: str, values: Sequence[float]) -> Box | None:
    if not values:
        return None
    ordered = sorted(values)
    return Box(
        label,
        ordered[0],
        quantile(ordered, 0.25),
        quantile(ordered, 0.5),
        quantile(ordered, 0.75),
        ordered[-1],
        len(ordered),
    )


class BoxPlot(QWidget):
    """One box per judge on a shared 0–100 % axis, the overall mean as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[Box] = []
        self.mean: float | None = None
        self.caption = ""
        self.empty_text = ""
        self.setMinimumSize(QSize(300, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_boxes(self, boxes: Sequence[Box], mean: float | None) -> None:
        self.boxes, self.mean = list(boxes), mean
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        line = painter.fontMetrics().height()
        left, right, top, bottom = 40, 12, line + 12, line + 10
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(QColor("#374151"))
        painter.drawText(QRectF(0, 2, self.width(), line + 4), Qt.AlignmentFlag.AlignCenter, self.caption)
        if not self.boxes or area.width() <= 0 or area.height() <= 0:
            painter.setPen(QColor("#6b7280"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return

        def y(value: float) -> float:
            return area.bottom() - area.height() * max(0.0, min(value, 100.0)) / 100

        for tick in range(0, 101, 25):
            painter.setPen(QPen(QColor("#e5e7eb")))
            painter.drawLine(QPointF(area.left(), y(tick)), QPointF(area.right(), y(tick)))
            painter.setPen(QColor("#6b7280"))
            painter.drawText(
                QRectF(0, y(tick) - line / 2, left - 6, line), Qt.AlignmentFlag.AlignRight, f"{tick}"
            )
        width = area.width() / len(self.boxes)
        for i, box in enumerate(self.boxes):
            centre = area.left() + width * (i + 0.5)
            half = min(width * 0.3, 28)
            painter.setPen(QPen(QColor("#1f2937"), 1))
            painter.drawLine(QPointF(centre, y(box.low)), QPointF(centre, y(box.q1)))
            painter.drawLine(QPointF(centre, y(box.q3)), QPointF(centre, y(box.high)))
            for value in (box.low, box.high):
                painter.drawLine(QPointF(centre - half / 2, y(value)), QPointF(centre + half / 2, y(value)))
            rect = QRectF(centre - half, y(box.q3), half * 2, max(y(box.q1) - y(box.q3), 1.0))
            painter.fillRect(rect, QColor("#93c5fd"))
            painter.drawRect(rect)
            painter.setPen(QPen(QColor("#1d4ed8"), 2))
            painter.drawLine(QPointF(centre - half, y(box.median)), QPointF(centre + half, y(box.median)))
            painter.setPen(QColor("#374151"))
            painter.drawText(
                QRectF(centre - width / 2, area.bottom() + 4, width, line),
                Qt.AlignmentFlag.AlignCenter,
                box.label,
            )
        if self.mean is not None:
            painter.setPen(QPen(QColor("#dc2626"), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y(self.mean)), QPointF(area.right(), y(self.mean)))
        painter.end()
