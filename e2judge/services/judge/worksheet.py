"""The offline Excel worksheet: export it, and import it back as one transaction of score changes.

``xlsx.worksheet`` writes and reads the file from plain records; this module gathers the scores
from the profile and applies the plan the reader returns. All the plan's changes are applied in
ONE transaction (one audit row per change) or none: a kill midway leaves nothing, and a change the
scoring service refuses at apply time (the app changed between the check and the apply) rolls
back every change before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _, ngettext
from e2judge.core.records import RoundRef
from e2judge.db.session import Database
from e2judge.services.judge.scored_entries import load_scores
from e2judge.services.judge.scoring import (
    Change,
    ScoreRejected,
    set_comment_in,
    set_overall_comment_in,
    set_points_in,
)
from e2judge.xlsx.worksheet import FIELD_COMMENT, FIELD_POINTS, PlannedChange, read_worksheet, write_worksheet

__all__ = ["PlannedChange", "WorksheetImport", "apply_planned_in", "export_worksheet", "import_worksheet"]


@dataclass(frozen=True)
class WorksheetImport:
    """What an import found and did."""

    source: str
    changes: tuple[PlannedChange, ...]  # every cell changed in the worksheet (conflicts included)
    applied: tuple[Change, ...] = ()
    dry_run: bool = False
    overwrite: bool = False
    exported_at: str = ""

    @property
    def conflicts(self) -> tuple[PlannedChange, ...]:
        return tuple(c for c in self.changes if c.conflict)

    @property
    def skipped(self) -> tuple[PlannedChange, ...]:
        """Conflicts left as the app has them (all conflicts unless ``overwrite``)."""
        return () if self.overwrite else self.conflicts

    def describe(self) -> str:
        """One line for a person."""
        changes, conflicts = len(self.changes), len(self.conflicts)
        if self.dry_run:
            cells = ngettext("{count} changed cell", "{count} changed cells", changes).format(count=changes)
            found = ngettext("{count} conflict", "{count} conflicts", conflicts).format(count=conflicts)
            return _("{file}: {cells}, {conflicts}; nothing applied (dry run)").format(
                file=self.source, cells=cells, conflicts=found
            )
        applied = len(self.applied)
        text = ngettext("{file}: {count} change applied", "{file}: {count} changes applied", applied).format(
            file=self.source, count=applied
        )
        if self.skipped:
            skipped = len(self.skipped)
            text += ngettext(
                ", {count} conflict not applied (the app's values kept)",
                ", {count} conflicts not applied (the app's values kept)",
                skipped,
            ).format(count=skipped)
        elif self.conflicts:
            text += ngettext(
                " ({count} conflict overwritten)", " ({count} conflicts overwritten)", conflicts
            ).format(count=conflicts)
        return text


def export_worksheet(db: Database, ref: RoundRef, out: Path, lang: str = "vi") -> None:
    """Write the offline worksheet of ``ref`` (every assigned entry, current scores) to ``out``."""
    write_worksheet(ref, load_scores(db, ref), out, lang)


def import_worksheet(
    db: Database,
    ref: RoundRef,
    path: Path,
    *,
    overwrite: bool = False,
    actor: str,
    dry_run: bool = False,
) -> WorksheetImport:
    """Validate the worksheet at ``path`` and apply the judge's changes, all in one transaction.

    Raises ``InputRefused`` when the file is not a worksheet of this batch/judge/rubric or a change
    is refused at apply time, and ``ValidationFailed`` listing every bad cell; in every case nothing
    is applied. With ``dry_run`` nothing is applied either: the result lists the changes and
    conflicts (to ask). Conflicts are applied only with ``overwrite``.
    """
    plan = read_worksheet(Path(path), ref, {e.code: e for e in load_scores(db, ref)})
    if dry_run:
        return WorksheetImport(plan.source, plan.changes, (), True, overwrite, plan.exported_at)
    wanted = [c for c in plan.changes if overwrite or not c.conflict]
    with db.transaction() as s:
        applied = tuple(_apply_all(s, plan.source, wanted, actor))
    return WorksheetImport(plan.source, plan.changes, applied, False, overwrite, plan.exported_at)


def _apply_all(s: Session, source: str, changes: list[PlannedChange], actor: str) -> list[Change]:
    applied: list[Change] = []
    for change in changes:
        try:
            applied.append(apply_planned_in(s, change, actor))
        except ScoreRejected as exc:  # only if the app changed under us between check and apply
            raise InputRefused(
                source,
                _("{cell}: {problem}; nothing from this worksheet was applied").format(
                    cell=change.where, problem=exc
                ),
            ) from exc
    return applied


def apply_planned_in(s: Session, change: PlannedChange, actor: str) -> Change:
    """Apply one planned cell change in the caller's transaction (through the scoring service)."""
    if change.field == FIELD_POINTS and change.criterion_key is not None:
        if isinstance(change.new, str):
            raise ScoreRejected(_("{value} is not a number").format(value=repr(change.new)))
        return set_points_in(s, change.assignment_id, change.criterion_key, change.new, actor)
    if change.field == FIELD_COMMENT and change.criterion_key is not None:
        return set_comment_in(s, change.assignment_id, change.criterion_key, str(change.new or ""), actor)
    return set_overall_comment_in(s, change.assignment_id, str(change.new or ""), actor)
