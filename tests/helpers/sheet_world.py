"""A real organizer workspace and real judge profiles for the score sheet tests.

Built with the real pipeline: ``org init`` (default KDF cost), ``org build`` of the demo contest
``resources/demo/e2-2022`` with two judges per entry, and ``import`` of the batches into judge
profiles whose signing keys use a fast KDF (n = 2**14).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from e2judge.core.rubric import Criterion
from e2judge.db.models import Assignment, Entry
from e2judge.db.session import Database, open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.judge_key import ensure_judge_key, judge_label
from e2judge.services.judge.rounds import RoundRef, list_rounds
from e2judge.services.judge.scoring import declare_conflict, set_comment, set_points
from e2judge.services.org.build import build_batches
from e2judge.services.org.workspace import init_workspace

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo" / "e2-2022"
ORG_PASSPHRASE = "mật khẩu ban tổ chức"
JUDGE_PASSPHRASE = "mật khẩu giám khảo"
FAST_N = 2**14

# How each judge scores: an index into the criterion's allowed points, from the entry and criterion.
Scorer = Callable[[str, Criterion], float | None]


@dataclass
class Org:
    """An organizer workspace with batches built for every judge of the demo contest."""

    orgdir: Path
    batches: dict[str, Path]


def build_org(root: Path) -> Org:
    """``org init`` + ``org build`` (2 judges per entry) of the demo contest under ``root``."""
    orgdir = root / "org"
    init_workspace(orgdir, ORG_PASSPHRASE, "Ban tổ chức E2 (thử nghiệm)")
    summary = build_batches(
        orgdir,
        DEMO / "workbook.xlsx",
        root / "batches",
        ORG_PASSPHRASE,
        attachments=DEMO / "attachments",
        judges_per_entry=2,
    )
    batches = {p.name.split(".")[-2].split("-")[0]: p for p in summary.files}
    return Org(orgdir, batches)


def copy_org(org: Org, root: Path) -> Path:
    """A private copy of the workspace (so a test's merges do not leak into another test)."""
    target = root / "org-copy"
    shutil.copytree(org.orgdir, target)
    return target


def judge_profile(root: Path, batch: Path) -> tuple[Profile, Database, RoundRef]:
    """A profile with ``batch`` imported and a signing key made; the caller closes the database."""
    profile = Profile(root).ensure()
    db = open_judge_db(profile.database)
    import_batch(db, profile, batch)
    (ref,) = list_rounds(db)
    ensure_judge_key(profile, JUDGE_PASSPHRASE, judge_label(ref.judge_name, ref.judge_key), n=FAST_N)
    return profile, db, ref


def assignments(db: Database, ref: RoundRef) -> dict[str, int]:
    """Entry code -> assignment id for the judge of ``ref``."""
    with db.session() as s:
        rows = s.execute(
            select(Entry.code, Assignment.id)
            .join(Entry, Entry.id == Assignment.entry_id)
            .where(Assignment.judge_id == ref.judge_id, Entry.round_id == ref.round_id)
        ).all()
        return dict(rows)


def pick(code: str, criterion: Criterion, shift: int) -> float:
    """A deterministic allowed value for (entry, criterion), moved ``shift`` levels up or down."""
    allowed = criterion.allowed_points()
    seed = int(hashlib.sha256(f"{code}/{criterion.id}".encode()).hexdigest(), 16)
    index = min(max(seed % len(allowed) + shift, 0), len(allowed) - 1)
    return allowed[index]


def score_round(db: Database, ref: RoundRef, scorer: Scorer, *, comment_all: bool = True) -> None:
    """Score every assigned entry with ``scorer`` through the scoring service."""
    actor = f"judge:{ref.judge_key}"
    for code, assignment_id in sorted(assignments(db, ref).items()):
        for criterion in ref.rubric.criteria:
            points = scorer(code, criterion)
            set_points(db, assignment_id, criterion.id, points, actor)
            if comment_all and points is not None:
                set_comment(db, assignment_id, criterion.id, f"Nhận xét {criterion.id} cho {code}", actor)


def conflict(db: Database, ref: RoundRef, code: str, reason: str) -> None:
    declare_conflict(db, assignments(db, ref)[code], reason, f"judge:{ref.judge_key}")
