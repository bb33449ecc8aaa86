"""The organizer's dashboard: one row per judge of a round, and which contest the workspace holds.

Read-only: who got a batch (and when), the newest sheet received (revision, when), how many of the
assigned entries came back complete, conflicts declared, and what is still missing.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from e2judge.db.org_models import OrgAssignment, OrgBatch, OrgJudge, OrgReturn, OrgRound, OrgSheet
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.services.org.workspace import open_workspace, setting


@dataclass(frozen=True)
class RoundInfo:
    """One round the workspace holds."""

    id: int
    contest_key: str
    contest_name: str
    round_name: str
    deadline: str
    judges_per_entry: int


@dataclass(frozen=True)
class WorkspaceInfo:
    """What the window's header shows: the key's label and the rounds, newest last."""

    root: Path
    label: str
    demo: bool
    rounds: tuple[RoundInfo, ...]

    @property
    def current(self) -> RoundInfo | None:
        return self.rounds[-1] if self.rounds else None


@dataclass(frozen=True)
class JudgeProgress:
    """One judge's line on the dashboard."""

    judge_key: str
    name: str
    email: str
    batch_file: str
    batch_revision: int | None
    issued_at: dt.datetime | None
    sheet_revision: int | None
    received_at: dt.datetime | None
    assigned: int
    scored: int
    conflicts: int
    fingerprint: str = ""  # of the judge's registered key ("" before the first sheet or enrolment)

    @property
    def returned(self) -> bool:
        return self.sheet_revision is not None

    @property
    def missing(self) -> int:
        """Assigned entries not back complete (a declared conflict counts as done)."""
        return max(self.assigned - self.scored - self.conflicts, 0)

    @property
    def complete(self) -> bool:
        return self.returned and self.missing == 0


def workspace_info(orgdir: Path) -> WorkspaceInfo:
    """The workspace's label and rounds (refused when ``orgdir`` is not a workspace)."""
    from e2judge.formats.keys import read_public

    ws, db = open_workspace(orgdir)
    with db, db.session() as s:
        rounds = tuple(
            RoundInfo(r.id, r.contest_key, r.contest_name, r.round_name, r.deadline, r.judges_per_entry)
            for r in s.scalars(select(OrgRound).order_by(OrgRound.id))
        )
        demo = setting(db, "demo") == "1"
    return WorkspaceInfo(ws.root, read_public(ws.signing_key).label, demo, rounds)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is not None and moment.tzinfo is None:  # SQLite gives back naive UTC
        return moment.replace(tzinfo=dt.UTC)
    return moment


def _fingerprint(public_b64: str | None) -> str:
    return readable_fingerprint(base64.b64decode(public_b64)) if public_b64 else ""


def judge_progress(orgdir: Path, round_id: int) -> list[JudgeProgress]:
    """Every judge of the round with their batch, newest sheet and counts, by judge id."""
    _ws, db = open_workspace(orgdir)
    with db, db.session() as s:
        judges = list(s.scalars(select(OrgJudge).where(OrgJudge.round_id == round_id)))
        assigned = dict(
            s.execute(
                select(OrgAssignment.judge_id, func.count())
                .where(OrgAssignment.round_id == round_id)
                .group_by(OrgAssignment.judge_id)
            ).all()
        )
        complete = dict(
            s.execute(
                select(OrgReturn.judge_id, func.count())
                .where(
                    OrgReturn.round_id == round_id,
                    OrgReturn.complete == 1,
                    OrgReturn.conflict_reason.is_(None),
                )
                .group_by(OrgReturn.judge_id)
            ).all()
        )
        conflicts = dict(
            s.execute(
                select(OrgReturn.judge_id, func.count())
                .where(OrgReturn.round_id == round_id, OrgReturn.conflict_reason.is_not(None))
                .group_by(OrgReturn.judge_id)
            ).all()
        )
        batches: dict[int, OrgBatch] = {}
        for batch in s.scalars(
            select(OrgBatch).where(OrgBatch.round_id == round_id).order_by(OrgBatch.revision)
        ):
            batches[batch.judge_id] = batch  # the newest revision wins
        sheets: dict[int, OrgSheet] = {}
        for sheet in s.scalars(
            select(OrgSheet).where(OrgSheet.round_id == round_id).order_by(OrgSheet.received_at, OrgSheet.id)
        ):
            sheets[sheet.judge_id] = sheet  # the newest received wins
        rows = []
        for judge in judges:
            issued, back = batches.get(judge.id), sheets.get(judge.id)
            rows.append(
                JudgeProgress(
                    judge_key=judge.judge_key,
                    name=judge.name,
                    email=judge.email,
                    batch_file=issued.file_name if issued else "",
                    batch_revision=issued.revision if issued else None,
                    issued_at=_aware(issued.created_at) if issued else None,
                    sheet_revision=back.revision if back else None,
                    received_at=_aware(back.received_at) if back else None,
                    assigned=assigned.get(judge.id, 0),
                    scored=complete.get(judge.id, 0),
                    conflicts=conflicts.get(judge.id, 0),
                    fingerprint=_fingerprint(judge.public_key),
                )
            )
    return sorted(rows, key=lambda r: r.judge_key.casefold())
