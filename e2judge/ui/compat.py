"""Refuse to run on a Qt binding known to corrupt the interpreter.

PySide6 6.12.0 under CPython 3.11 drops a reference it does not own to ``None`` on every method
that returns nothing (``QLabel.setText``…) and to ``True`` on every ``Signal.emit``; after a few
thousand calls Python aborts ("none_dealloc: deallocating None") and a judge's window vanishes.
CPython 3.12+ is immune (immortal objects, PEP 683). ``pyproject.toml`` installs PySide6 < 6.12 on
3.11; this check stops a hand-made environment from running the broken pair anyway.
"""

from __future__ import annotations

import sys

import PySide6

BROKEN = ((6, 12, 0),)


def binding_problem(
    version: str = PySide6.__version__, python: tuple[int, int] = sys.version_info[:2]
) -> str | None:
    """Why this PySide6 cannot be used with this Python, or None when the pair is fine."""
    parts = tuple(int(p) for p in version.split(".")[:3] if p.isdigit())
    if python < (3, 12) and parts in BROKEN:
        return (
            f"PySide6 {version} is known to crash under Python {python[0]}.{python[1]}; "
            "install PySide6-Essentials and PySide6-Addons below 6.12 (make clean && make run does), "
            "or use Python 3.12 or newer"
        )
    return None


def check_binding() -> None:
    """Stop with a clear message before any window opens when the binding is the broken one."""
    problem = binding_problem()
    if problem:
        raise SystemExit(f"e2judge: {problem}")
