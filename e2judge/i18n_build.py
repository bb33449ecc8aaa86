"""``python -m e2judge.i18n_build`` (the Makefile's ``translations`` target): compile every
``resources/i18n/<lang>/LC_MESSAGES/*.po`` into the ``.mo`` beside it (git-ignored build output).
"""

from __future__ import annotations

import sys
from pathlib import Path

from e2judge.core.po import mo_bytes, read_po
from e2judge.formats.safe_write import write_bytes
from e2judge.paths import resource

__all__ = ["compile_all", "compile_po"]


def compile_po(po: Path, mo: Path | None = None) -> Path:
    """Compile ``po`` into ``mo`` (default: beside it), written atomically; returns the ``.mo`` path."""
    target = mo if mo is not None else po.with_suffix(".mo")
    write_bytes(target, mo_bytes(read_po(po.read_text("utf-8"), str(po))))
    return target


def compile_all(root: Path | None = None) -> list[Path]:
    """Compile every ``<root>/<lang>/LC_MESSAGES/*.po`` (root: ``resources/i18n``)."""
    folder = root if root is not None else resource("i18n")
    return [compile_po(po) for po in sorted(folder.glob("*/LC_MESSAGES/*.po"))]


def main() -> int:
    for mo in compile_all():
        print(mo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
