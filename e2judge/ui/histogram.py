"""A histogram of the judge's totals (percent of the maximum), drawn with QPainter (no QtCharts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BINS = 10


def bin_counts(percents: Sequence[float], bins: int = BINS) -> list[int]:
    """Counts per equal-width bin of 0..100 (100 falls in the last bin)."""
    counts = [0] * bins
    for value in percents:
        index = min(bins - 1, max(0, int(value * bins // 100)))
        counts[index] += 1
    return counts


class Histogram(QWidget):
    """Bars of how many entries fall in each 10% band, with the mean marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._percents: list[float] = []
        self.caption = ""
        self.empty_text = ""
        self.axis_label = ""
        self.setMinimumSize(QSize(300, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_values(self, percents: Sequence[float]) -> None:
        self._percents = list(percents)
        self.update()

    @property
    def counts(self) -> list[int]:
        return bin_counts(self._percents)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, right, top, bottom = 36, 12, line + 12, line * 2 + 8
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(QColor("#374151"))
        painter.drawText(QRectF(0, 2, self.width(), line + 4), Qt.AlignmentFlag.AlignCenter, self.caption)
        counts = self.counts
        peak = max(counts) if counts else 0
        if not self._percents or area.width() <= 0 or area.height() <= 0:
            painter.setPen(QColor("#6b7280"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return
        grid = QPen(QColor("#e5e7eb"))
        scale = area.height() * 0.88 / peak if peak else 0.0  # headroom for the count above a bar
        ticks = min(peak, 5)
        for i in range(ticks + 1):
            value = round(peak * i / ticks) if ticks else 0
            y = area.bottom() - value * scale
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor("#6b7280"))
            painter.drawText(QRectF(0, y - line / 2, left - 6, line), Qt.AlignmentFlag.AlignRight, str(value))
        width = area.width() / BINS
        for i, count in enumerate(counts):
            height = count * scale
            bar = QRectF(area.left() + i * width + 3, area.bottom() - height, width - 6, height)
            painter.fillRect(bar, QColor("#3b82f6"))
            if count:
                painter.setPen(QColor("#1f2937"))
                painter.drawText(
                    QRectF(bar.left(), bar.top() - line, bar.width(), line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
        painter.setPen(QColor("#6b7280"))
        step = 1 if width >= metrics.horizontalAdvance("100") * 1.6 else 2
        for i in range(0, BINS + 1, step):
            x = area.left() + i * width
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 3))
            painter.drawText(
                QRectF(x - width / 2, area.bottom() + 4, width, line),
                Qt.AlignmentFlag.AlignCenter,
                str(i * 100 // BINS),
            )
        mean = sum(self._percents) / len(self._percents)
        x = area.left() + area.width() * mean / 100
        painter.setPen(QPen(QColor("#dc2626"), 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        painter.setPen(QColor("#374151"))
        painter.drawText(
            QRectF(0, area.bottom() + line + 6, self.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.axis_label,
        )
        painter.end()
