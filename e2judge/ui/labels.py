"""Translated names for values that come from services (statuses)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from e2judge.services.judge.entries import Status
from e2judge.ui.widgets import AMBER, BLUE, GREEN, GREY

_STATUS = {
    Status.NOT_STARTED: str(QT_TRANSLATE_NOOP("Status", "Not started")),
    Status.IN_PROGRESS: str(QT_TRANSLATE_NOOP("Status", "In progress")),
    Status.COMPLETE: str(QT_TRANSLATE_NOOP("Status", "Complete")),
    Status.CONFLICT: str(QT_TRANSLATE_NOOP("Status", "Conflict")),
}

_COLOUR = {
    Status.NOT_STARTED: GREY,
    Status.IN_PROGRESS: AMBER,
    Status.COMPLETE: GREEN,
    Status.CONFLICT: BLUE,
}

STATUS_ORDER = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.COMPLETE: 2, Status.CONFLICT: 3}


def status_text(status: Status) -> str:
    return QCoreApplication.translate("Status", _STATUS[status])


def status_colour(status: Status) -> str:
    return _COLOUR[status]
