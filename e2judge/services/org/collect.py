"""``org collect``: verify judges' score sheets and merge each one entirely or not at all.

For every file, independently: open the seal (organizer's X25519 key), verify the judge's signature
over the exact payload bytes, bind the sheet to a batch this workspace issued to that judge (batch id,
revision and manifest hash; contest, round and rubric), check the judge's key (pinned on the first
valid sheet, or enrolled beforehand; a key the organizer replaced is refused), check every entry and
score against the plan and the rubric, then apply the revision rules (per batch and signing key). An
accepted sheet replaces that judge's scores for the round in one durable transaction, which also
keeps the signed payload and its signature; a copy of the signed document goes to the workspace's
``sheets`` folder, made durable once at the end of the run.
"""

from __future__ import annotations

import base64
import datetime as dt
import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain, cycle, repeat
from pathlib import Path
from typing import Any, cast

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from e2judge.core.clock import now
from e2judge.core.completeness import Completeness
from e2judge.core.errors import InputRefused
from e2judge.core.rubric import Rubric
from e2judge.core.text import clean_text
from e2judge.db.org_models import (
    OrgAssignment,
    OrgBatch,
    OrgEntry,
    OrgJudge,
    OrgKeyReplacement,
    OrgReturn,
    OrgRound,
    OrgScore,
    OrgSheet,
)
from e2judge.db.session import Database
from e2judge.formats.batch import flush_to_disk
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.formats.safe_write import atomic_file
from e2judge.formats.sheet import (
    SUFFIX,
    VerifiedSheet,
    open_envelope,
    read_envelope,
    read_sheet_bytes,
    sniff_sealed,
)
from e2judge.paths import OrgWorkspace
from e2judge.services.org import audit
from e2judge.services.org.workspace import open_workspace, sealing_key
from e2judge.services.org.workspace_lock import workspace_lock

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
    with db, workspace_lock(ws):
        files, rows = sheet_files(inputs)
        keys = _SealingKey(ws, passphrase)
        if needs_passphrase(files):
            keys.get()
        run = _Run(ws, db)
        try:
            for path in files:
                with _gc_paused():
                    opened = _open_file(path, keys)
                    rows.append(opened if isinstance(opened, CollectRow) else _collect_one(run, opened))
        finally:
            run.flush()
        report = CollectReport(tuple(rows))
        if report.count(Verdict.ACCEPTED):  # a run that merged nothing changes nothing, not even the log
            counts = ", ".join(f"{report.count(v)} {v.value}" for v in Verdict)
            audit.log_event(db, "collect", "; ".join(p.name for p in inputs), counts)
    return report


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one sheet is opened and merged.

    A sheet holds tens of thousands of fresh containers (parsed JSON, entries, rows) that all live
    until its merge ends; the collector would scan them again and again for nothing (they hold no
    cycles), which cost about a quarter of the verification time. Between sheets it runs as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


@dataclass(frozen=True)
class _RoundPlan:
    """What a round's sheets are checked against (read once per run: collect never changes it)."""

    id: int
    contest_key: str
    round_name: str
    rubric_sha256: str
    rubric: Rubric
    allowed: tuple[frozenset[float | None], ...]  # per criterion, rubric order; None: not scored
    complete: Completeness
    entry_ids: dict[str, int]  # entry code -> id


@dataclass
class _Run:
    """One collect run: the workspace, cached round plans and the archive copies written."""

    ws: OrgWorkspace
    db: Database
    rounds: dict[int, _RoundPlan] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)

    def plan(self, s: Session, round_id: int) -> _RoundPlan | None:
        plan = self.rounds.get(round_id)
        if plan is None:
            rnd = s.get(OrgRound, round_id)
            if rnd is None:
                return None
            rubric = Rubric.from_json(json.loads(rnd.rubric_json))
            entries = s.execute(select(OrgEntry.code, OrgEntry.id).where(OrgEntry.round_id == round_id))
            plan = _RoundPlan(
                id=rnd.id,
                contest_key=rnd.contest_key,
                round_name=rnd.round_name,
                rubric_sha256=rnd.rubric_sha256,
                rubric=rubric,
                allowed=tuple(frozenset([*c.allowed_points(), None]) for c in rubric.criteria),
                complete=Completeness(rubric),
                entry_ids=dict(entries.all()),
            )
            self.rounds[round_id] = plan
        return plan

    def archive(self, sheet: VerifiedSheet) -> None:
        """Copy the exact signed document (the proof) into ``sheets/``; made durable by ``flush``.

        The database already holds the payload and signature durably, so a copy lost to a crash
        before ``flush`` is only a copy: collecting the same sheet again (a duplicate) rewrites it.
        """
        p = sheet.payload
        self.ws.sheets.mkdir(parents=True, exist_ok=True)
        target = self.ws.sheets / f"{p.batch_id}-r{p.revision}-{sheet.payload_sha256[:12]}{SUFFIX}"
        with suppress(OSError):
            if target.read_bytes() == sheet.signed_document:
                return
        with atomic_file(target, sync=False) as fh:  # made durable together by flush()
            fh.write(sheet.signed_document)
        self.written.append(target)

    def flush(self) -> None:
        """Make every archive copy written in this run durable at once."""
        if self.written:
            flush_to_disk(self.written)
            self.written.clear()


def _open_file(path: Path, keys: _SealingKey) -> CollectRow | VerifiedSheet:
    """Read, unseal and verify one file: the verified sheet, or the row refusing it."""
    source = str(path)
    try:
        data = read_sheet_bytes(path)
        envelope, doc = read_envelope(source, data)
        key = keys.get() if envelope.form == "sealed" else None
        if envelope.form == "sealed" and key is None:
            if not keys.ws.sealing_key.exists():
                why = (
                    f"sealed for another organizer key ({envelope.key_id}); "
                    "this workspace has no sealing key"
                )
            else:
                why = "sealed: the organizer passphrase is needed to open it"
            return CollectRow(source, "?", None, Verdict.REFUSED, why, sealed=True)
        return open_envelope(source, data, envelope, doc, key)
    except InputRefused as exc:
        return CollectRow(source, "?", None, Verdict.REFUSED, exc.reason)


def _collect_one(run: _Run, sheet: VerifiedSheet) -> CollectRow:
    """Merge one verified sheet in its own transaction, or say why not."""
    try:
        with run.db.transaction() as s:
            return _row(sheet, Verdict.ACCEPTED, _merge(s, run, sheet))
    except _Outcome as outcome:
        if outcome.verdict is Verdict.DUPLICATE:
            with suppress(OSError):
                run.archive(sheet)  # restores a copy a crash may have cost; nothing else changes
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


def _merge(s: Session, run: _Run, sheet: VerifiedSheet) -> str:
    """Check the sheet against the workspace and merge it; returns the accepted reason."""
    p = sheet.payload
    batch = s.execute(
        select(OrgBatch.round_id, OrgBatch.judge_id, OrgBatch.manifest_sha256).where(
            OrgBatch.batch_key == p.batch_id, OrgBatch.revision == p.batch_revision
        )
    ).first()
    if batch is None:
        raise _refuse(
            sheet,
            f"not for a batch this workspace issued (batch {p.batch_id} revision {p.batch_revision}, "
            f"contest {p.contest_id}, round {p.round_name})",
        )
    if batch.manifest_sha256 != p.manifest_sha256:
        raise _refuse(sheet, f"the batch manifest hash does not match batch {p.batch_id} r{p.batch_revision}")
    plan = run.plan(s, batch.round_id)
    judge = s.get(OrgJudge, batch.judge_id)
    if plan is None or judge is None:
        raise _refuse(sheet, f"batch {p.batch_id} has no round or judge in this workspace")
    if plan.contest_key != p.contest_id or plan.round_name != p.round_name:
        raise _refuse(
            sheet,
            f"the sheet names contest {p.contest_id} round {p.round_name!r}, but batch {p.batch_id} "
            f"belongs to contest {plan.contest_key} round {plan.round_name!r}",
        )
    if judge.judge_key != p.judge_id:
        raise _refuse(
            sheet,
            f"batch {p.batch_id} was issued to judge {judge.judge_key}, but the sheet names {p.judge_id}",
        )
    _check_not_superseded(s, sheet, batch.round_id, batch.judge_id)
    public_b64 = base64.b64encode(p.judge_public_key).decode("ascii")
    _check_key(s, sheet, judge, public_b64)
    if p.rubric_sha256 != plan.rubric_sha256:
        raise _refuse(sheet, "the rubric hash does not match this round's rubric")
    assigned = set(
        s.scalars(
            select(OrgAssignment.entry_id).where(
                OrgAssignment.judge_id == judge.id, OrgAssignment.round_id == plan.id
            )
        )
    )
    scores, returns = _rows(sheet, plan, judge, assigned)
    notes = _check_revision(s, sheet)
    if judge.public_key is None:
        judge.public_key = public_b64
        judge.key_id = sheet.signer_key_id
        judge.key_source = "first-sheet"
        notes.append(f"judge key pinned: {sheet.signer_fingerprint} (compare with the judge)")
    s.execute(
        insert(OrgSheet).values(
            round_id=plan.id,
            judge_id=judge.id,
            batch_key=p.batch_id,
            revision=p.revision,
            key_id=sheet.signer_key_id,
            sheet_sha256=sheet.payload_sha256,
            payload_json=sheet.payload_bytes.decode("utf-8"),
            signature=base64.b64encode(sheet.signature).decode("ascii"),
            source_name=Path(sheet.source).name,
            received_at=now(),
        )
    )
    s.execute(delete(OrgScore).where(OrgScore.judge_id == judge.id, OrgScore.round_id == plan.id))
    s.execute(delete(OrgReturn).where(OrgReturn.judge_id == judge.id, OrgReturn.round_id == plan.id))
    # Thousands of rows per sheet: straight to the driver's executemany (the ORM is ~10x slower here).
    connection = s.connection()
    connection.exec_driver_sql(_INSERT_SCORE, scores)
    connection.exec_driver_sql(_INSERT_RETURN, returns)
    s.flush()
    run.archive(sheet)
    complete = sum(row[3] for row in returns)
    conflicts = sum(row[4] is not None for row in returns)
    summary = f"merged {len(p.entries)} entries ({complete} complete, {conflicts} conflicts)"
    return "; ".join([summary, *notes])


def _check_not_superseded(s: Session, sheet: VerifiedSheet, round_id: int, judge_id: int) -> None:
    """Refuse a sheet of an earlier batch once one of a later batch of the judge's round came in.

    A follow-up batch (``org moderate``) joins the judge's round; the sheets exported after it
    carry every entry of the round and name the newest batch, so an older batch's sheet arriving
    late would take the follow-up entries' scores away.
    """
    p = sheet.payload
    issued = s.scalar(
        select(func.min(OrgBatch.id)).where(OrgBatch.batch_key == p.batch_id, OrgBatch.judge_id == judge_id)
    )
    later = s.scalar(
        select(OrgSheet.batch_key)
        .join(OrgBatch, (OrgBatch.batch_key == OrgSheet.batch_key) & (OrgBatch.judge_id == OrgSheet.judge_id))
        .where(
            OrgSheet.round_id == round_id,
            OrgSheet.judge_id == judge_id,
            OrgSheet.batch_key != p.batch_id,
            OrgBatch.id > (issued or 0),
        )
        .limit(1)
    )
    if later is not None:
        raise _refuse(
            sheet,
            f"batch {p.batch_id} was followed by batch {later}, whose sheets already came in: "
            "only sheets of the newest batch are accepted",
        )


def _check_key(s: Session, sheet: VerifiedSheet, judge: OrgJudge, public_b64: str) -> None:
    """The sheet must be signed with the judge's key (or pin it); never with a replaced key."""
    p = sheet.payload
    if judge.public_key != public_b64:
        lost = s.execute(
            select(OrgKeyReplacement.replaced_at, OrgJudge.judge_key)
            .join(OrgJudge, OrgJudge.id == OrgKeyReplacement.judge_id)
            .where(OrgKeyReplacement.old_public_key == public_b64)
            .order_by(OrgKeyReplacement.replaced_at.desc(), OrgKeyReplacement.id.desc())
            .limit(1)
        ).first()
        if lost is not None:
            raise _refuse(
                sheet,
                f"signed by a key replaced on {replacement_time(lost.replaced_at)} "
                f"(judge {lost.judge_key}'s old key {sheet.signer_fingerprint}); "
                "only sheets signed with the new key are accepted",
            )
        if judge.public_key is not None:
            registered = readable_fingerprint(base64.b64decode(judge.public_key))
            how = "enrolled" if judge.key_source == "enrolled" else "pinned from the first sheet"
            raise _refuse(
                sheet,
                f"signed with a different key ({sheet.signer_fingerprint}) than judge {judge.judge_key}'s "
                f"key {how} ({registered})",
            )
    owner = s.scalar(
        select(OrgJudge.judge_key)
        .where(OrgJudge.public_key == public_b64, OrgJudge.judge_key != p.judge_id)
        .limit(1)
    )
    if owner is not None:
        raise _refuse(sheet, f"signed with judge {owner}'s key, not with a key of judge {p.judge_id}")


def replacement_time(when: dt.datetime) -> str:
    """A replacement's time as shown in reasons: ``2026-12-01 09:30 UTC``."""
    if when.tzinfo is None:  # SQLite gives back naive UTC
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _check_revision(s: Session, sheet: VerifiedSheet) -> list[str]:
    """Stale, duplicate or conflicting within the revisions of this batch *signed with this key*.

    Raises the verdict; returns notes for an accepted sheet.
    """
    p = sheet.payload
    received = dict(
        s.execute(
            select(OrgSheet.revision, OrgSheet.sheet_sha256).where(
                OrgSheet.batch_key == p.batch_id, OrgSheet.key_id == sheet.signer_key_id
            )
        ).all()
    )
    newest = max(received, default=None)
    if newest is not None and p.revision < newest:
        raise _Outcome(Verdict.STALE, f"ignored: older than revision {newest} already received")
    same = received.get(p.revision)
    if same is not None:
        if same == sheet.payload_sha256:
            raise _Outcome(Verdict.DUPLICATE, "duplicate: no change")
        raise _refuse(sheet, f"conflict: revision {p.revision} was already received with different content")
    before = received.get(p.revision - 1)
    if before is not None and before != p.previous_sha256:
        return [f"note: its previous-revision hash does not match revision {p.revision - 1} received"]
    return []


_Score = tuple[int, int, int, str, float | None, str]
_Return = tuple[int, int, int, int, str | None, str, int]


def _rows(
    sheet: VerifiedSheet, plan: _RoundPlan, judge: OrgJudge, assigned: set[int]
) -> tuple[list[_Score], list[_Return]]:
    """Check every entry against the plan and the rubric, and build the rows to store.

    Every entry must be assigned to this judge, every score allowed by the rubric, and ``complete``
    must match the scores and the comments the rubric requires. The checks run over whole columns;
    when one fails, ``_first_problem`` goes entry by entry to name the first problem.
    """
    payload = sheet.payload
    ids = [c.id for c in plan.rubric.criteria]
    if sorted(payload.criteria) != sorted(ids):
        missing = sorted(set(ids) - set(payload.criteria))
        extra = sorted(set(payload.criteria) - set(ids))
        what = f"criterion {missing[0]!r} is missing" if missing else f"unknown criterion {extra[0]!r}"
        raise _refuse(sheet, f"the sheet's criteria do not match the rubric: {what}")
    order = [payload.criteria.index(c) for c in ids]  # rubric position -> sheet position
    entries = payload.entries
    points = [e.points for e in entries]
    comments = [e.comments for e in entries]
    if order != list(range(len(ids))):
        points = [tuple(p[i] for i in order) for p in points]
        comments = [tuple(c[i] for i in order) for c in comments]
    reasons = [e.conflict_reason for e in entries]
    found = list(map(plan.entry_ids.get, (e.code for e in entries)))
    if (
        not all(map(assigned.__contains__, found))
        or not all(map(frozenset.__contains__, cycle(plan.allowed), chain.from_iterable(points)))
        or list(map(plan.complete, reasons, points, comments)) != [e.complete for e in entries]
    ):
        _first_problem(sheet, plan, judge, assigned, points, comments)
    entry_ids = cast(list[int], found)  # every one is assigned, so none is None
    flat_comments = list(chain.from_iterable(comments))
    if any(flat_comments):
        flat_comments = [clean_text(c) if c else "" for c in flat_comments]
    round_id, judge_id, width = plan.id, judge.id, len(ids)
    scores: list[_Score] = list(
        zip(
            repeat(round_id),
            repeat(judge_id),
            chain.from_iterable(map(repeat, entry_ids, repeat(width))),
            cycle(ids),
            chain.from_iterable(points),
            flat_comments,
        )
    )
    returns: list[_Return] = [
        (
            round_id,
            judge_id,
            entry_id,
            int(e.complete),
            None if e.conflict_reason is None else clean_text(e.conflict_reason),
            clean_text(e.overall_comment) if e.overall_comment else "",
            payload.revision,
        )
        for e, entry_id in zip(entries, entry_ids, strict=True)
    ]
    return scores, returns


def _first_problem(
    sheet: VerifiedSheet,
    plan: _RoundPlan,
    judge: OrgJudge,
    assigned: set[int],
    points: list[tuple[float | None, ...]],
    comments: list[tuple[str, ...]],
) -> None:
    """Go entry by entry (in rubric order) and refuse the sheet at the first problem."""
    for entry, entry_points, entry_comments in zip(sheet.payload.entries, points, comments, strict=True):
        if plan.entry_ids.get(entry.code) not in assigned:
            raise _refuse(
                sheet, f"entry {entry.code} is not assigned to judge {judge.judge_key} in this round"
            )
        for criterion, ok, value in zip(plan.rubric.criteria, plan.allowed, entry_points, strict=True):
            if value not in ok:
                problem = criterion.check_points(value) if value is not None else None
                if problem:
                    raise _refuse(sheet, f"entry {entry.code}, criterion {criterion.id}: {problem}")
        if entry.complete != plan.complete(entry.conflict_reason, entry_points, entry_comments):
            raise _refuse(sheet, f"entry {entry.code}: 'complete' does not match its scores and comments")
