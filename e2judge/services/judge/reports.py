"""The judge's reports and workbooks: gather the records from the profile, hand them to a writer.

The writers in ``e2judge.pdf`` and ``e2judge.xlsx`` take plain records (``e2judge.core.records``)
and never read the database; these functions are the use cases the CLI and the window call.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from e2judge.core.clock import now
from e2judge.core.collation import vietnamese_sort_key
from e2judge.core.labels import Labels
from e2judge.core.records import ReportContext, RoundRef
from e2judge.db.session import Database
from e2judge.paths import Profile
from e2judge.pdf.entry_report import write_entry_pdf
from e2judge.pdf.judge_summary import write_summary_pdf
from e2judge.services.judge.entries import entry_detail, find_assignment, list_entries
from e2judge.services.judge.judge_key import judge_key_info
from e2judge.services.judge.scored_entries import load_scores
from e2judge.services.judge.sheet_export import last_sheet
from e2judge.xlsx.judge_workbook import write_scores_workbook

__all__ = [
    "judge_fingerprint",
    "report_context",
    "write_entry_reports",
    "write_judge_summary",
    "write_judge_workbook",
]


def judge_fingerprint(profile: Profile) -> str:
    """The readable fingerprint of the judge's signing key in ``profile`` ("" when there is none)."""
    info = judge_key_info(profile)
    return info.fingerprint if info is not None else ""


def report_context(db: Database, profile: Profile, ref: RoundRef) -> ReportContext:
    """The context of ``ref``'s reports: newest sheet revision, key fingerprint, today's date."""
    with db.session() as s:
        last = last_sheet(s, ref.batch_id)
        sheet = (last.revision, last.exported_at) if last is not None else None
    return ReportContext(
        contest_name=ref.contest_name,
        round_name=ref.round_name,
        judge_name=ref.judge_name,
        judge_key=ref.judge_key,
        blind=ref.blind,
        demo=ref.demo,
        signed=ref.signed,
        batch_key=ref.batch_key,
        batch_revision=ref.batch_revision,
        sheet_revision=sheet[0] if sheet else None,
        sheet_exported_at=sheet[1] if sheet else None,
        fingerprint=judge_fingerprint(profile),
        printed_at=now(),
    )


def write_entry_reports(
    db: Database,
    profile: Profile,
    ref: RoundRef,
    out: Path,
    codes: Sequence[str] | None = None,
    lang: str = "vi",
) -> int:
    """Write the rubric report of every entry, in the entry list's order (or of ``codes``, in that
    order) to ``out``; pages written.

    An unknown code raises ``EntryNotFound`` before anything is written. Entries are loaded one at
    a time as the PDF is laid out.
    """
    if codes:
        ids = [find_assignment(db, ref, code) for code in codes]
    else:  # the entry list's order: codes in Vietnamese alphabetical order
        rows = sorted(list_entries(db, ref), key=lambda row: vietnamese_sort_key(row.code))
        ids = [row.assignment_id for row in rows]
    context = report_context(db, profile, ref)
    details = (entry_detail(db, profile, ref, aid) for aid in ids)
    return write_entry_pdf(details, context, out, Labels(lang))


def write_judge_summary(db: Database, profile: Profile, ref: RoundRef, out: Path, lang: str = "vi") -> int:
    """Write the judge's summary of ``ref`` to ``out``; pages written."""
    return write_summary_pdf(list_entries(db, ref), report_context(db, profile, ref), out, Labels(lang))


def write_judge_workbook(db: Database, ref: RoundRef, out: Path, lang: str = "vi") -> None:
    """Write the judge's score workbook for ``ref`` to ``out`` (sheets: scores, rubric, about)."""
    write_scores_workbook(ref, load_scores(db, ref), out, lang)
