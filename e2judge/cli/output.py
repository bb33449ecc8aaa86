"""Printing for the command line: one line per refusal, tables, JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from e2judge.core.errors import InputRefused, ValidationFailed


def utf8_streams() -> None:
    """Write UTF-8 to stdout and stderr whatever the console's code page (cp1252, cp1258, …).

    Vietnamese text would otherwise raise ``UnicodeEncodeError`` when output is redirected to a
    file under a Windows code page. Characters no encoding can hold (lone surrogates from odd file
    names) are written as backslash escapes instead of failing. Streams that are missing (a
    windowed frozen app has none) or cannot be reconfigured are left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")


def say(text: str = "") -> None:
    print(text, flush=True)


def refuse(exc: InputRefused) -> int:
    """Print a refusal as one line (plus every validation problem) to stderr; exit code 1."""
    print(f"e2judge: refused: {exc.source}: {exc.reason}", file=sys.stderr)
    if isinstance(exc, ValidationFailed):
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
    return 1


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with aligned columns."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
