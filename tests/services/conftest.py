"""Fixtures of the judging-service tests: a real profile with a real signed batch imported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from e2judge.db.session import Database
from e2judge.paths import Profile
from e2judge.services.judge.rounds import RoundRef
from tests.helpers.batches import imported_profile

Judged = tuple[Profile, Database, RoundRef]


@pytest.fixture
def judged(tmp_path: Path) -> Iterator[Judged]:
    """A profile with 5 entries of a signed, non-blind batch imported (database closed afterwards)."""
    profile, db, ref = imported_profile(tmp_path)
    yield profile, db, ref
    db.close()


@pytest.fixture
def judged_blind(tmp_path: Path) -> Iterator[Judged]:
    """Like ``judged`` for a blind round."""
    profile, db, ref = imported_profile(tmp_path, blind=True)
    yield profile, db, ref
    db.close()
