"""The build recipes in docs/building.md, the Makefile and the CI workflow run the same steps."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / "docs" / "building.md").read_text("utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8")
MAKEFILE = (ROOT / "Makefile").read_text("utf-8")


def recipe(heading: str) -> list[str]:
    """The command lines of the first code block under ``### heading``."""
    section = DOCS.split(f"\n### {heading}\n", 1)[1]
    block = re.search(r"```(?:bat|sh)\n(.*?)```", section, re.S)
    assert block is not None, heading
    return [line for line in block.group(1).splitlines() if line.strip()]


def windows_ci_steps() -> list[str]:
    job = WORKFLOW.split("\n  windows:\n", 1)[1]
    return [
        line.strip().removeprefix("run: ").strip("'")
        for line in job.splitlines()
        if line.strip().startswith("run: ")
    ]


def pyinstaller_args(line: str) -> list[str]:
    words = line.replace("\\", "/").split()
    return words[words.index("PyInstaller") + 1 :]


def test_both_recipes_compile_translations_before_pyinstaller() -> None:
    for heading, python in (("Windows", ".venv\\Scripts\\python"), ("macOS", ".venv/bin/python")):
        lines = recipe(heading)
        translations = next(i for i, line in enumerate(lines) if "translations.py" in line)
        build = next(i for i, line in enumerate(lines) if "PyInstaller" in line)
        assert translations < build, heading
        assert "-e" in lines[1] and ".[dist]" in lines[1], heading
        assert lines[1].startswith(python) and "--self-test" in lines[-1], heading


def test_pyinstaller_arguments_match_the_makefile() -> None:
    recipe_lines = MAKEFILE.split("\ndist:", 1)[1].split("\n\n", 1)[0].replace("\\\n", " ")
    make_line = next(line for line in recipe_lines.splitlines() if "PyInstaller" in line)
    make_args = pyinstaller_args(make_line)
    for heading in ("Windows", "macOS"):
        line = next(line for line in recipe(heading) if "PyInstaller" in line)
        assert pyinstaller_args(line) == make_args, heading
    assert "scripts/translations.py" in MAKEFILE.split("\ntranslations:", 1)[1].split("\n\n", 1)[0]


def test_windows_ci_runs_the_documented_recipe() -> None:
    steps = windows_ci_steps()
    documented = recipe("Windows")
    assert documented[0].startswith("py -3.11 -m venv") and steps[0] == "python -m venv .venv"
    positions = [steps.index(line) for line in documented[1:]]  # each documented line, verbatim
    assert positions == sorted(positions)
    assert shlex.split(documented[-1], posix=False)[0].strip('"') == "dist\\E2 Judge\\e2judge.exe"
    assert any(step.endswith("-m pytest") for step in steps)
    assert any(step.endswith("-m mypy") for step in steps)


def test_unix_ci_runs_make_test_and_dist_smoke() -> None:
    job = WORKFLOW.split("\n  unix:\n", 1)[1].split("\n  windows:\n", 1)[0]
    assert "os: [ubuntu-latest, macos-latest]" in job
    assert "run: make test PYTHON=python" in job and "run: make dist-smoke PYTHON=python" in job
    assert "QT_QPA_PLATFORM: offscreen" in WORKFLOW
