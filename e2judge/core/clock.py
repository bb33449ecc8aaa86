"""The one clock: timezone-aware UTC now, shown in local time by the UI."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The current time, timezone-aware UTC (shown in local time by the UI)."""
    return dt.datetime.now(dt.UTC)
