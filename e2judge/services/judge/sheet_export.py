"""Export the judge's scores for one round as a signed (and, when possible, sealed) score sheet.

The file is written atomically and never over an existing file: temporary file in the target
folder, flush, fsync, then a hard link (or an exclusive reservation of the name where the file
system has no hard links) and an fsync of the folder. It is read back and checked before the
export counts; only then is the revision recorded.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from e2judge import __version__
from e2judge.core.clock import now
from e2judge.core.completeness import Completeness
from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.core.rubric import Rubric
from e2judge.db.models import Assignment, Batch, Entry, Round, Score, SheetRevision
from e2judge.db.session import Database
from e2judge.formats.keys import public_raw_of
from e2judge.formats.manifest import slug
from e2judge.formats.safe_write import write_atomic
from e2judge.formats.sheet import (
    EntryScores,
    SheetPayload,
    encode_payload,
    open_sheet,
    sheet_file_name,
    sign_payload,
)
from e2judge.formats.sheet import seal as seal_sheet
from e2judge.paths import Profile
from e2judge.services.judge.audit import record
from e2judge.services.judge.judge_key import ensure_judge_key, judge_label, unlock_judge_key


class HasBatch(Protocol):
    """What export needs of a round reference (``rounds.RoundRef`` has it)."""

    @property
    def batch_id(self) -> int: ...


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, and the text for an email to the organizer."""

    path: Path
    revision: int
    incomplete: tuple[str, ...]
    sealed: bool
    fingerprint: str
    email_subject: str
    email_body: str
    entries: int = 0
    key_id: str = ""


def incomplete_entries(db: Database, ref: HasBatch) -> list[str]:
    """Codes of the entries not yet complete (conflicts are not incomplete), in batch order."""
    with db.session() as s:
        batch = _batch(s, ref.batch_id)
        return [e.code for e in entry_scores(s, batch) if not e.complete and e.conflict_reason is None]


def next_revision(db: Database, ref: HasBatch) -> int:
    """The revision number the next exported score sheet of ``ref`` will carry."""
    with db.session() as s:
        last = last_sheet(s, ref.batch_id)
        return 1 if last is None else last.revision + 1


def last_sheet(s: Session, batch_id: int) -> SheetRevision | None:
    """The newest score sheet exported for a batch, if any."""
    return s.scalar(
        select(SheetRevision)
        .where(SheetRevision.batch_id == batch_id)
        .order_by(SheetRevision.revision.desc())
        .limit(1)
    )


def export_sheet(
    db: Database, profile: Profile, ref: HasBatch, out_dir: Path, passphrase: str, *, seal: bool = True
) -> ExportResult:
    """Write the next revision of the judge's score sheet for ``ref`` into ``out_dir``.

    Sealed to the organizer when ``seal`` and the batch carries the organizer's sealing key. The
    judge's key is created on first need. Raises ``InputRefused`` (wrong passphrase, folder missing,
    file name taken) with nothing recorded.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise InputRefused(str(out_dir), _("the target folder does not exist"))
    with db.session() as s:
        batch = _batch(s, ref.batch_id)
        label = judge_label(batch.judge.name, batch.judge.judge_key)
    info = ensure_judge_key(profile, passphrase, label)
    private = unlock_judge_key(profile, passphrase)
    public = public_raw_of(private)
    written: Path | None = None
    try:
        with db.transaction() as s:
            batch = _batch(s, ref.batch_id)
            last = last_sheet(s, batch.id)
            revision = 1 if last is None else last.revision + 1
            payload = build_payload(s, batch, public, revision, None if last is None else last.sha256)
            payload_bytes = encode_payload(payload)
            signed = sign_payload(private, payload_bytes)
            sealing_public = _sealing_public(batch) if seal else None
            data = signed if sealing_public is None else seal_sheet(signed, sealing_public)
            name = sheet_file_name(
                payload.contest_id, payload.judge_id, revision, _round_slug(s, batch)
            )
            target = out_dir / name
            write_new_file(target, data)
            written = target
            _check_written(target, data, signed)
            digest = hashlib.sha256(payload_bytes).hexdigest()
            s.add(
                SheetRevision(
                    batch_id=batch.id, revision=revision, sha256=digest, path=str(target), exported_at=now()
                )
            )
            record(
                s, f"judge:{payload.judge_id}", "export-sheet", batch.batch_key, "revision",
                None if last is None else last.revision, revision,
            )
            contest_name, round_name = payload.contest_name, payload.round_name
            judge_name, judge_id = payload.judge_name, payload.judge_id
            entries = payload.entries
    except BaseException:
        if written is not None:
            with suppress(OSError):
                written.unlink()
        raise
    incomplete = tuple(e.code for e in entries if not e.complete and e.conflict_reason is None)
    subject, body = email_text(
        contest_name, round_name, judge_name, judge_id, name, revision, info.fingerprint,
        sealed=sealing_public is not None, entries=len(entries), incomplete=len(incomplete),
    )
    return ExportResult(
        path=target,
        revision=revision,
        incomplete=incomplete,
        sealed=sealing_public is not None,
        fingerprint=info.fingerprint,
        email_subject=subject,
        email_body=body,
        entries=len(entries),
        key_id=info.key_id,
    )


def build_payload(
    s: Session, batch: Batch, judge_public: bytes, revision: int, previous_sha256: str | None
) -> SheetPayload:
    """The sheet payload for ``batch`` from the judge's current scores."""
    manifest = _manifest(batch)
    created = now().replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return SheetPayload(
        contest_id=manifest["contest"]["id"],
        contest_name=manifest["contest"]["name"],
        round_name=manifest["contest"]["round"],
        batch_id=batch.batch_key,
        batch_revision=batch.revision,
        manifest_sha256=batch.manifest_sha256,
        rubric_sha256=manifest["rubric_sha256"],
        judge_id=batch.judge.judge_key,
        judge_name=batch.judge.name,
        judge_public_key=judge_public,
        revision=revision,
        previous_sha256=previous_sha256,
        created_at=created,
        app_version=__version__,
        criteria=tuple(c["id"] for c in manifest["rubric"]["criteria"]),
        entries=entry_scores(s, batch),
    )


def entry_scores(s: Session, batch: Batch) -> tuple[EntryScores, ...]:
    """Every entry of the batch (in its order) with the judge's points, comments and conflicts.

    Points and comments follow the rubric's criteria order.
    """
    manifest = _manifest(batch)
    rubric = Rubric.from_json(manifest["rubric"])
    criteria = [c.id for c in rubric.criteria]
    rows = s.execute(
        select(Assignment, Entry.code)
        .join(Entry, Entry.id == Assignment.entry_id)
        .where(Assignment.judge_id == batch.judge_id, Entry.round_id == batch.round_id)
    )
    assignments = {code: a for a, code in rows}
    stored: dict[tuple[int, str], tuple[float | None, str]] = {}
    score_rows = s.execute(
        select(Score.assignment_id, Score.criterion_key, Score.points, Score.comment)
        .join(Assignment, Assignment.id == Score.assignment_id)
        .join(Entry, Entry.id == Assignment.entry_id)
        .where(Assignment.judge_id == batch.judge_id, Entry.round_id == batch.round_id)
    )
    for assignment_id, criterion, value, comment in score_rows:
        stored[(assignment_id, criterion)] = (value, comment or "")
    complete = Completeness(rubric)
    result: list[EntryScores] = []
    for doc in round_entries(s, batch):
        code = doc["code"]
        a = assignments.get(code)
        values = [stored.get((a.id, c), (None, "")) if a else (None, "") for c in criteria]
        points = tuple(v[0] for v in values)
        comments = tuple(v[1] for v in values)
        reason = a.conflict_reason if a else None
        result.append(
            EntryScores(
                code=code,
                complete=complete(reason, points, comments),
                conflict_reason=reason,
                conflict_at=_iso(a.conflict_at) if a and reason is not None else "",
                overall_comment=(a.overall_comment or "") if a else "",
                points=points,
                comments=comments,
            )
        )
    return tuple(result)


def email_text(
    contest_name: str,
    round_name: str,
    judge_name: str,
    judge_id: str,
    file_name: str,
    revision: int,
    fingerprint: str,
    *,
    sealed: bool,
    entries: int,
    incomplete: int,
) -> tuple[str, str]:
    """A ready-to-paste email subject and body (Vietnamese) to send the sheet to the organizer."""
    subject = f"Phiếu chấm điểm — {contest_name} — {round_name} — Giám khảo {judge_name} ({judge_id})"
    status = (
        "Tất cả các bài đã được chấm xong."
        if incomplete == 0
        else f"Còn {incomplete} bài chưa chấm xong; tôi sẽ gửi lần xuất sau khi hoàn tất."
    )
    seal_note = (
        "Phiếu đã được mã hoá: chỉ Ban tổ chức mở được."
        if sealed
        else "Phiếu không được mã hoá (chỉ có chữ ký)."
    )
    body = "\n".join(
        [
            "Kính gửi Ban tổ chức,",
            "",
            "Tôi gửi kèm theo thư này phiếu chấm điểm của tôi.",
            "",
            f"Cuộc thi: {contest_name}",
            f"Vòng thi: {round_name}",
            f"Giám khảo: {judge_name} ({judge_id})",
            f"Tệp đính kèm: {file_name}",
            f"Lần xuất: {revision}",
            f"Số bài: {entries}. {status}",
            f"Dấu vân tay khoá ký của tôi: {fingerprint}",
            seal_note,
            "",
            "Xin Ban tổ chức đối chiếu dấu vân tay trên với khoá đã đăng ký của tôi "
            "(có thể đọc cho nhau qua điện thoại).",
            "",
            "Trân trọng,",
            judge_name,
        ]
    )
    return subject, body


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, refusing (``InputRefused``) if ``path`` exists."""
    try:
        write_atomic(path, data, overwrite=False)
    except FileExistsError:
        reason = _("a file with this name already exists; score sheets are never overwritten")
        raise InputRefused(str(path), reason) from None


def _check_written(path: Path, data: bytes, signed: bytes) -> None:
    """Read the file back: the same bytes, and the signed sheet inside checks out."""
    with path.open("rb") as fh:
        back = fh.read(len(data) + 1)
    if back != data:
        raise InputRefused(
            str(path), _("the file read back differs from what was written; try another drive")
        )
    open_sheet(str(path), signed)  # a plain sheet is these very bytes; a sealed one holds them


def _sealing_public(batch: Batch) -> bytes | None:
    if not batch.sealing_public_key:
        return None
    try:
        raw = base64.b64decode(batch.sealing_public_key, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


def _round_slug(s: Session, batch: Batch) -> str | None:
    """The round's slug when this judge has batches in more than one round of the contest."""
    contest_id = s.scalar(select(Round.contest_id).where(Round.id == batch.round_id))
    rounds = s.scalar(
        select(func.count(func.distinct(Batch.round_id)))
        .join(Round, Round.id == Batch.round_id)
        .where(Batch.judge_id == batch.judge_id, Round.contest_id == contest_id)
    )
    return slug(batch.round.name) if (rounds or 0) > 1 else None


def _batch(s: Session, batch_id: int) -> Batch:
    batch = s.get(Batch, batch_id)
    if batch is None:
        raise InputRefused(
            _("batch {number}").format(number=batch_id), _("this round is no longer in the profile")
        )
    return batch


def round_entries(s: Session, batch: Batch) -> list[dict[str, Any]]:
    """The entries of every batch the judge imported for the batch's round, oldest batch first.

    A follow-up batch (``org moderate``: entries for a third judge) joins the round the judge
    already has; the next sheet carries the entries of both, named after the newest batch.
    """
    batches = s.scalars(
        select(Batch)
        .where(Batch.round_id == batch.round_id, Batch.judge_id == batch.judge_id)
        .order_by(Batch.id)
    )
    seen: set[str] = set()
    docs: list[dict[str, Any]] = []
    for each in batches:
        for doc in _manifest(each)["entries"]:
            if doc["code"] not in seen:
                seen.add(doc["code"])
                docs.append(doc)
    return docs


def _manifest(batch: Batch) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(batch.manifest_json)
    return data


def _iso(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
