"""Building the parser loads no services; opening a current database loads no Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from e2judge.cli.commands_score import STATUSES
from e2judge.cli.commands_sheet import RANK_CHOICES
from e2judge.db.migrate import head_revision, scripted_head
from e2judge.db.session import open_judge_db
from e2judge.services.judge.entries import Status
from e2judge.services.org.results import RANK_BY

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "cryptography", "e2judge.services", "e2judge.db")


def loaded_after(code: str) -> set[str]:
    """Top-level names of the heavy packages loaded once ``code`` ran in a fresh interpreter."""
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    modules = out.split()
    return {h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in modules)}


def test_parser_and_help_load_no_services_database_or_formats() -> None:
    code = (
        "import contextlib, io\n"
        "from e2judge.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "    main(['org', 'results', '--help'])\n"
    )
    assert loaded_after(code) == set()


def test_choices_spelled_out_in_the_parser_match_the_services() -> None:
    assert tuple(s.value for s in Status) == STATUSES
    assert RANK_CHOICES == RANK_BY


@pytest.mark.parametrize("kind", ["judge", "org"])
def test_head_read_from_the_revision_files_is_alembics(kind: str) -> None:
    assert scripted_head(kind) == head_revision(kind)  # type: ignore[arg-type]


def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    open_judge_db(path).close()
    code = (
        "from pathlib import Path\n"
        "from e2judge.db.session import open_judge_db\n"
        f"open_judge_db(Path({str(path)!r})).close()"
    )
    assert loaded_after(code) & {"alembic", "sqlalchemy"} == {"sqlalchemy"}
