"""The plain records the judge's use cases return and the readers and writers take.

They live in the core, not in ``services``, so that ``xlsx/``, ``pdf/`` and ``ui/`` can take
them without importing any use case (and so without SQLAlchemy): a service gathers them from the
database, a writer lays them out. Frozen dataclasses of core types only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from e2judge.core import limits
from e2judge.core.rubric import Rubric, Totals

__all__ = [
    "MAX_COMMENT_CHARS",
    "MAX_REASON_CHARS",
    "AttachmentInfo",
    "EntryDetail",
    "EntryRow",
    "ReportContext",
    "RoundRef",
    "ScoredEntry",
    "Status",
]

MAX_COMMENT_CHARS = limits.MAX_COMMENT  # what a judge may type in one comment (core/limits.py)
MAX_REASON_CHARS = 2_000  # ... and as the reason for a conflict of interest


@dataclass(frozen=True)
class RoundRef:
    """One round as seen by one judge, with the batch it came from (the newest imported)."""

    round_id: int
    judge_id: int
    contest_key: str
    contest_name: str
    round_name: str
    judge_key: str
    judge_name: str
    blind: bool
    signed: bool
    demo: bool
    organizer_label: str
    organizer_fingerprint: str
    rubric: Rubric
    batch_id: int
    batch_key: str
    batch_revision: int
    rubric_id: int = 0
    deadline: str = ""
    manifest_sha256: str = ""  # of the imported batch: binds worksheets and sheets to it

    def describe(self) -> str:
        """One line for a person: contest — round — judge."""
        return f"{self.contest_name} — {self.round_name} — {self.judge_key} {self.judge_name}"


class Status(StrEnum):
    """Where the judge is with one entry."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    CONFLICT = "conflict"



@dataclass(frozen=True)
class EntryRow:
    """One line of the entry list."""

    assignment_id: int
    entry_id: int
    code: str
    title: str
    category: str
    province: str  # "" when blind
    status: Status
    weighted: float | None  # None when nothing is scored
    weighted_max: float
    search_key: str  # folded code + title (+ authors and school unless blind)
    scored: int = 0
    criteria: int = 0
    code_key: bytes = b""  # core.collation.sort_key_bytes(code), stored at import

    @property
    def percent(self) -> float | None:
        """The weighted total as a percentage of the maximum; None when nothing is scored."""
        if self.weighted is None or not self.weighted_max:
            return None
        return 100.0 * self.weighted / self.weighted_max


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment of an entry; ``path`` is in the profile's content-addressed store."""

    name: str
    sha256: str
    size: int
    path: Path


@dataclass(frozen=True)
class EntryDetail:
    """Everything about one entry the judge scores, with the current scores."""

    assignment_id: int
    code: str
    title: str
    authors: str  # "" when blind
    school: str  # "" when blind
    province: str  # "" when blind
    category: str
    description: str
    links: tuple[str, ...]
    attachments: tuple[AttachmentInfo, ...]
    rubric: Rubric
    points: dict[str, float | None]
    comments: dict[str, str]
    overall_comment: str
    conflict_reason: str | None
    status: Status
    totals: Totals
    flagged: bool
    missing_comments: tuple[str, ...]
    entry_id: int = 0


@dataclass(frozen=True)
class ScoredEntry:
    """One assigned entry with every score and comment (people blank in a blind round)."""

    assignment_id: int
    code: str
    title: str
    authors: str
    school: str
    province: str
    category: str
    status: Status
    points: dict[str, float | None]
    comments: dict[str, str]
    overall_comment: str
    conflict_reason: str | None
    totals: Totals


@dataclass(frozen=True)
class ReportContext:
    """The judge, batch and sheet facts printed on a judge's reports."""

    contest_name: str
    round_name: str
    judge_name: str
    judge_key: str
    blind: bool
    demo: bool
    signed: bool
    batch_key: str
    batch_revision: int
    sheet_revision: int | None  # the newest score sheet exported, None when none yet
    sheet_exported_at: dt.datetime | None
    fingerprint: str  # the judge's signing key, "" when none yet
    printed_at: dt.datetime
