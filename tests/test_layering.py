"""The layering rule: only e2judge/ui (and the app launcher) import Qt; the core imports no SQLAlchemy."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "e2judge"
QT_ALLOWED = {"ui", "app.py"}
PURE = ("core", "formats")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_there_is_code_to_scan() -> None:
    assert len(python_files()) > 20


def test_only_the_ui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files()
        if path.relative_to(PACKAGE).parts[0] not in QT_ALLOWED
        and any(m.split(".")[0] in {"PySide6", "shiboken6"} for m in imported_modules(path))
    ]
    assert offenders == []


def test_core_and_formats_import_neither_qt_nor_sqlalchemy() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files()
        if path.relative_to(PACKAGE).parts[0] in PURE
        and any(m.split(".")[0] in {"PySide6", "sqlalchemy", "alembic"} for m in imported_modules(path))
    ]
    assert offenders == []
