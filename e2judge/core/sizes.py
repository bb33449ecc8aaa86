"""Byte counts for people: "1,4 GB" in Vietnamese, "1.4 GB" in English (1024-based, as Explorer shows)."""

from __future__ import annotations

from e2judge.core.i18n import number

_UNITS = ("KB", "MB", "GB", "TB")


def byte_size(count: int) -> str:
    """``count`` bytes with one decimal in the largest unit that keeps it at least 1."""
    if count < 1024:
        return f"{count} B"
    value = count / 1024
    index = 0
    while value >= 1024 and index < len(_UNITS) - 1:
        value /= 1024
        index += 1
    return f"{number(round(value, 1))} {_UNITS[index]}"
