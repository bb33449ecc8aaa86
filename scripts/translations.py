"""Compile every translation the app ships, the one step ``make translations`` and the build recipes run.

Qt's ``resources/i18n/*.ts`` become ``*.qm`` (``pyside6-lrelease``) and gettext's
``resources/i18n/<lang>/LC_MESSAGES/*.po`` become ``*.mo``. Both outputs are git-ignored, so a
fresh clone has neither: ``build.spec`` refuses to build without them. Run
``python scripts/translations.py`` with the venv's Python on any OS.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from e2judge import i18n_build as gettext_build  # noqa: E402
from e2judge.ui import i18n_build  # noqa: E402


def main() -> int:
    for path in [*i18n_build.build(), *gettext_build.compile_all()]:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
