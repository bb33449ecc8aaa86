"""``org collect``: verify judges' score sheets and merge each one entirely or not at all.

For every file, independently: open the seal (organizer's X25519 key), verify the judge's signature
over the exact payload bytes, bind the sheet to a batch this workspace issued to that judge (batch id,
revision and manifest hash; contest, round and rubric), check the judge's key (pinned on the first
valid sheet, or enrolled beforehand), check every entry and score against the plan and the rubric,
then apply the revision rules. An accepted sheet replaces that judge's scores for the round in one
transaction, and its signed document is archived in the workspace's ``sheets`` folder.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from e2judge.core.errors import InputRefused
from e2judge.core.rubric import Rubric
from e2judge.core.text import clean_text
from e2judge.db.org_models import (
    OrgAssignment,
    OrgBatch,
    OrgEntry,
    OrgJudge,
    OrgReturn,
    OrgRound,
    OrgScore,
    OrgSheet,
)
from e2judge.db.session import Database
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.formats.sheet import (
    SUFFIX,
    VerifiedSheet,
    open_envelope,
    read_envelope,
    read_sheet_bytes,
    sniff_sealed,
)
from e2judge.paths import OrgWorkspace
from e2judge.services.audit import now
from e2judge.services.org_workspace import open_workspace, sealing_key
from e2judge.services.sheet_export import Completeness, write_new_file

_INSERT_SCORE = (
    "INSERT INTO org_score (round_id, judge_id, entry_id, criterion_key, points, comment) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_RETURN = (
    "INSERT INTO org_return "
    "(round_id, judge_id, entry_id, complete, conflict_reason, overall_comment, revision) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


class Verdict(StrEnum):
    """What happened to one sheet file."""

    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    STALE = "stale"
    REFUSED = "refused"


@dataclass(frozen=True)
class CollectRow:
    """One line of the collect report."""

    file: str
    judge: str
    revision: int | None
    verdict: Verdict
    reason: str
    contest: str = ""
    round: str = ""
    fingerprint: str = ""
    sealed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "judge": self.judge,
            "revision": self.revision,
            "verdict": self.verdict.value,
            "reason": self.reason,
            "contest": self.contest,
            "round": self.round,
            "fingerprint": self.fingerprint,
            "sealed": self.sealed,
        }


@dataclass(frozen=True)
class CollectReport:
    """Every file's verdict, in the order processed."""

    rows: tuple[CollectRow, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.rows if r.verdict is verdict)

    @property
    def any_refused(self) -> bool:
        return self.count(Verdict.REFUSED) > 0


class _Outcome(Exception):
    """A non-refusal verdict decided inside the merge transaction (rolls nothing in)."""

    def __init__(self, verdict: Verdict, reason: str) -> None:
        super().__init__(reason)
        self.verdict = verdict
        self.reason = reason


def sheet_files(inputs: Sequence[Path]) -> tuple[list[Path], list[CollectRow]]:
    """The sheet files named or found (non-recursively, sorted) in folders, and rows for bad inputs."""
    files: list[Path] = []
    problems: list[CollectRow] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.iterdir() if p.is_file() and p.suffix.lower() == SUFFIX)
            if not found:
                problems.append(CollectRow(str(item), "?", None, Verdict.REFUSED, f"no {SUFFIX} files here"))
            files.extend(found)
        elif item.is_file():
            files.append(item)
        else:
            problems.append(CollectRow(str(item), "?", None, Verdict.REFUSED, "no such file or folder"))
    return files, problems


def needs_passphrase(files: Sequence[Path]) -> bool:
    """Whether any of the files looks like a sealed sheet (so the organizer's passphrase is needed)."""
    return any(sniff_sealed(path) for path in files)


def collect_sheets(orgdir: Path, inputs: Sequence[Path], passphrase: str | None = None) -> CollectReport:
    """Collect every sheet in ``inputs`` (files or folders) into the workspace ``orgdir``.

    ``passphrase`` opens the sealing key (needed only for sealed sheets; a wrong one is refused with
    ``WrongPassphrase``, normally before anything is merged).
    """
    ws, db = open_workspace(orgdir)
    with db:
        files, rows = sheet_files(inputs)
        keys = _SealingKey(ws, passphrase)
        if needs_passphrase(files):
            keys.get()
        for path in files:
            rows.append(_collect_one(ws, db, path, keys))
    return CollectReport(tuple(rows))


class _SealingKey:
    """The workspace's sealing key, unlocked once on first need (None without passphrase or key)."""

    def __init__(self, ws: OrgWorkspace, passphrase: str | None) -> None:
        self.ws = ws
        self.passphrase = passphrase
        self.key: X25519PrivateKey | None = None
        self.failure: InputRefused | None = None

    def get(self) -> X25519PrivateKey | None:
        if self.failure is not None:
            raise self.failure
        if self.key is None and self.passphrase is not None and self.ws.sealing_key.exists():
            try:
                self.key = sealing_key(self.ws, self.passphrase)
            except InputRefused as exc:  # wrong passphrase: do not pay for scrypt again per file
                self.failure = exc
                raise
        return self.key


def _collect_one(ws: OrgWorkspace, db: Database, path: Path, keys: _SealingKey) -> CollectRow:
    source = str(path)
    try:
        data = read_sheet_bytes(path)
        envelope, doc = read_envelope(source, data)
        key = keys.get() if envelope.form == "sealed" else None
        if envelope.form == "sealed" and key is None:
            if not ws.sealing_key.exists():
                why = (
                    f"sealed for another organizer key ({envelope.key_id}); "
                    "this workspace has no sealing key"
                )
            else:
                why = "sealed: the organizer passphrase is needed to open it"
            return CollectRow(source, "?", None, Verdict.REFUSED, why, sealed=True)
        sheet = open_envelope(source, data, envelope, doc, key)
    except InputRefused as exc:
        return CollectRow(source, "?", None, Verdict.REFUSED, exc.reason)
    try:
        with db.transaction() as s:
            return _row(sheet, Verdict.ACCEPTED, _merge(s, ws, sheet))
    except _Outcome as outcome:
        return _row(sheet, outcome.verdict, outcome.reason)
    except InputRefused as exc:
        return _row(sheet, Verdict.REFUSED, exc.reason)
    except OSError as exc:
        return _row(sheet, Verdict.REFUSED, f"cannot archive the sheet: {exc}")


def _row(sheet: VerifiedSheet, verdict: Verdict, reason: str) -> CollectRow:
    p = sheet.payload
    return CollectRow(
        file=sheet.source,
        judge=p.judge_id,
        revision=p.revision,
        verdict=verdict,
        reason=reason,
        contest=p.contest_id,
        round=p.round_name,
        fingerprint=sheet.signer_fingerprint,
        sealed=sheet.sealed,
    )


def _refuse(sheet: VerifiedSheet, reason: str) -> InputRefused:
    return InputRefused(sheet.source, reason)


def _merge(s: Session, ws: OrgWorkspace, sheet: VerifiedSheet) -> str:
    """Check the sheet against the workspace and merge it; returns the accepted reason."""
    p = sheet.payload
    batch = s.scalar(
        select(OrgBatch).where(OrgBatch.batch_key == p.batch_id, OrgBatch.revision == p.batch_revision)
    )
    if batch is None:
        raise _refuse(
            sheet,
            f"not for a batch this workspace issued (batch {p.batch_id} revision {p.batch_revision}, "
            f"contest {p.contest_id}, round {p.round_name})",
        )
    if batch.manifest_sha256 != p.manifest_sha256:
        raise _refuse(sheet, f"the batch manifest hash does not match batch {p.batch_id} r{p.batch_revision}")
    rnd = s.get(OrgRound, batch.round_id)
    judge = s.get(OrgJudge, batch.judge_id)
    if rnd is None or judge is None:
        raise _refuse(sheet, f"batch {p.batch_id} has no round or judge in this workspace")
    if rnd.contest_key != p.contest_id or rnd.round_name != p.round_name:
        raise _refuse(
            sheet,
            f"the sheet names contest {p.contest_id} round {p.round_name!r}, but batch {p.batch_id} "
            f"belongs to contest {rnd.contest_key} round {rnd.round_name!r}",
        )
    if judge.judge_key != p.judge_id:
        raise _refuse(
            sheet,
            f"batch {p.batch_id} was issued to judge {judge.judge_key}, but the sheet names {p.judge_id}",
        )
    public_b64 = base64.b64encode(p.judge_public_key).decode("ascii")
    if judge.public_key is not None and judge.public_key != public_b64:
        registered = readable_fingerprint(base64.b64decode(judge.public_key))
        how = "enrolled" if judge.key_source == "enrolled" else "pinned from the first sheet"
        raise _refuse(
            sheet,
            f"signed with a different key ({sheet.signer_fingerprint}) than judge {judge.judge_key}'s "
            f"key {how} ({registered})",
        )
    owner = s.scalar(
        select(OrgJudge.judge_key).where(
            OrgJudge.public_key == public_b64, OrgJudge.judge_key != p.judge_id
        ).limit(1)
    )
    if owner is not None:
        raise _refuse(sheet, f"signed with judge {owner}'s key, not with a key of judge {p.judge_id}")
    if p.rubric_sha256 != rnd.rubric_sha256:
        raise _refuse(sheet, "the rubric hash does not match this round's rubric")
    entry_ids = _check_entries(s, sheet, rnd, judge)
    newest = s.scalar(select(func.max(OrgSheet.revision)).where(OrgSheet.batch_key == p.batch_id))
    if newest is not None and p.revision < newest:
        raise _Outcome(Verdict.STALE, f"ignored: older than revision {newest} already received")
    same = s.scalar(select(OrgSheet).where(OrgSheet.batch_key == p.batch_id, OrgSheet.revision == p.revision))
    if same is not None:
        if same.sheet_sha256 == sheet.payload_sha256:
            raise _Outcome(Verdict.DUPLICATE, "duplicate: no change")
        raise _refuse(sheet, f"conflict: revision {p.revision} was already received with different content")
    notes: list[str] = []
    before = s.scalar(
        select(OrgSheet.sheet_sha256).where(
            OrgSheet.batch_key == p.batch_id, OrgSheet.revision == p.revision - 1
        )
    )
    if before is not None and before != p.previous_sha256:
        notes.append(f"note: its previous-revision hash does not match revision {p.revision - 1} received")
    if judge.public_key is None:
        judge.public_key = public_b64
        judge.key_id = sheet.signer_key_id
        judge.key_source = "first-sheet"
        notes.append(f"judge key pinned: {sheet.signer_fingerprint} (compare with the judge)")
    _replace_scores(s, sheet, rnd.id, judge.id, entry_ids)
    _archive(ws, sheet)
    complete = sum(1 for e in p.entries if e.complete)
    conflicts = sum(1 for e in p.entries if e.conflict_reason is not None)
    summary = f"merged {len(p.entries)} entries ({complete} complete, {conflicts} conflicts)"
    return "; ".join([summary, *notes])


def _check_entries(s: Session, sheet: VerifiedSheet, rnd: OrgRound, judge: OrgJudge) -> dict[str, int]:
    """Every entry must be planned for this judge; every score must fit the rubric. Returns code -> id."""
    planned = dict(
        s.execute(
            select(OrgEntry.code, OrgEntry.id)
            .join(OrgAssignment, OrgAssignment.entry_id == OrgEntry.id)
            .where(OrgAssignment.judge_id == judge.id, OrgAssignment.round_id == rnd.id)
        ).all()
    )
    rubric = Rubric.from_json(_loads(rnd.rubric_json))
    payload = sheet.payload
    ids = [c.id for c in rubric.criteria]
    if sorted(payload.criteria) != sorted(ids):
        missing = sorted(set(ids) - set(payload.criteria))
        extra = sorted(set(payload.criteria) - set(ids))
        what = f"criterion {missing[0]!r} is missing" if missing else f"unknown criterion {extra[0]!r}"
        raise _refuse(sheet, f"the sheet's criteria do not match the rubric: {what}")
    order = [payload.criteria.index(c) for c in ids]  # rubric position -> sheet position
    in_order = order == list(range(len(ids)))
    allowed = [frozenset(c.allowed_points()) for c in rubric.criteria]
    complete = Completeness(rubric)
    for entry in payload.entries:
        if entry.code not in planned:
            raise _refuse(
                sheet, f"entry {entry.code} is not assigned to judge {judge.judge_key} in this round"
            )
        points = entry.points if in_order else tuple(entry.points[i] for i in order)
        comments = entry.comments if in_order else tuple(entry.comments[i] for i in order)
        for criterion, ok, value in zip(rubric.criteria, allowed, points, strict=True):
            if value is not None and value not in ok:
                problem = criterion.check_points(value)
                if problem:
                    raise _refuse(sheet, f"entry {entry.code}, criterion {criterion.id}: {problem}")
        if entry.complete != complete(entry.conflict_reason, points, comments):
            raise _refuse(sheet, f"entry {entry.code}: 'complete' does not match its scores and comments")
    return planned


def _replace_scores(
    s: Session, sheet: VerifiedSheet, round_id: int, judge_id: int, ids: dict[str, int]
) -> None:
    p = sheet.payload
    s.add(
        OrgSheet(
            round_id=round_id,
            judge_id=judge_id,
            batch_key=p.batch_id,
            revision=p.revision,
            sheet_sha256=sheet.payload_sha256,
            payload_json=sheet.payload_bytes.decode("utf-8"),
            source_name=Path(sheet.source).name,
            received_at=now(),
        )
    )
    s.execute(delete(OrgScore).where(OrgScore.judge_id == judge_id, OrgScore.round_id == round_id))
    s.execute(delete(OrgReturn).where(OrgReturn.judge_id == judge_id, OrgReturn.round_id == round_id))
    scores = [
        (round_id, judge_id, ids[e.code], criterion, points, clean_text(comment) if comment else "")
        for e in p.entries
        for criterion, points, comment in zip(p.criteria, e.points, e.comments, strict=True)
    ]
    returns = [
        (
            round_id,
            judge_id,
            ids[e.code],
            int(e.complete),
            None if e.conflict_reason is None else clean_text(e.conflict_reason),
            clean_text(e.overall_comment) if e.overall_comment else "",
            p.revision,
        )
        for e in p.entries
    ]
    # Thousands of rows per sheet: straight to the driver's executemany (the ORM's bulk path is slow).
    connection = s.connection()
    connection.exec_driver_sql(_INSERT_SCORE, scores)
    connection.exec_driver_sql(_INSERT_RETURN, returns)
    s.flush()


def _archive(ws: OrgWorkspace, sheet: VerifiedSheet) -> None:
    """Keep the exact signed document (the proof) in the workspace's sheets folder."""
    p = sheet.payload
    ws.sheets.mkdir(parents=True, exist_ok=True)
    target = ws.sheets / f"{p.batch_id}-r{p.revision}-{sheet.payload_sha256[:12]}{SUFFIX}"
    if not target.exists():
        write_new_file(target, sheet.signed_document)


def _loads(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    return data
