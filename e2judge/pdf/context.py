"""What the judge's reports print about the judge and the batch, read once per report."""

from __future__ import annotations

from e2judge.core.clock import now
from e2judge.core.records import ReportContext, RoundRef
from e2judge.db.session import Database
from e2judge.paths import Profile
from e2judge.services.judge.sheet_export import last_sheet


def judge_fingerprint(profile: Profile) -> str:
    """The readable fingerprint of the judge's signing key in ``profile`` ("" when there is none)."""
    from e2judge.services.judge.judge_key import judge_key_info

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
