"""Compile the Qt translation sources ``resources/i18n/*.ts`` to ``resources/i18n/*.qm`` (git-ignored).

``python -m e2judge.ui.i18n_build`` (the Makefile's ``translations`` target). Uses the
``pyside6-lrelease`` next to the Python interpreter, else the ``lrelease`` inside PySide6.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

from e2judge.paths import resource


def find_lrelease() -> Path:
    """The lrelease program (``FileNotFoundError`` when PySide6 ships none)."""
    exe = ".exe" if os.name == "nt" else ""
    bin_dir = Path(sys.executable).parent
    package = Path(PySide6.__file__).resolve().parent
    candidates = [
        bin_dir / f"pyside6-lrelease{exe}",
        package / f"lrelease{exe}",
        package / "Qt" / "bin" / f"lrelease{exe}",
    ]
    found = shutil.which("pyside6-lrelease")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("pyside6-lrelease was not found next to Python nor inside PySide6")


def build(sources: Path | None = None, out_dir: Path | None = None, only: Path | None = None) -> list[Path]:
    """Compile each ``.ts`` in ``sources`` (or just ``only``) into ``out_dir`` (default: resources/i18n)."""
    folder = sources if sources is not None else resource("i18n")
    out_dir = out_dir if out_dir is not None else folder
    out_dir.mkdir(parents=True, exist_ok=True)
    lrelease = find_lrelease()
    written = []
    for ts in [only] if only is not None else sorted(folder.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        result = subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed on {ts}: {result.stderr.strip() or result.stdout.strip()}")
        written.append(qm)
    return written


def main() -> int:
    for qm in build():
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
