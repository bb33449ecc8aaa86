"""Import a signed batch (or an organizer workbook, unsigned) into a judge profile.

Everything is checked before anything is written: the zip's structure, the signature, the
manifest schema, the pinned organizer key, the revision and every attachment's hash. Attachments
are streamed into the content-addressed store first (harmless if left over), then all rows are
written in one transaction that never touches scores.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from e2judge.core.clock import now
from e2judge.core.collation import sort_key_bytes
from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.core.rubric import Rubric
from e2judge.core.text import clean_line, clean_text, fold, has_bidi_controls
from e2judge.db.models import (
    Assignment,
    Attachment,
    Batch,
    Contest,
    Entry,
    Judge,
    Round,
    RubricCriterion,
    RubricLevel,
)
from e2judge.db.models import Rubric as RubricRow
from e2judge.db.session import Database
from e2judge.formats.batch import (
    ZIP_LIMITS,
    ImportCancelled,
    VerifiedBatch,
    extract_attachments,
    flush_to_disk,
    open_batch,
    verify_attachments,
)
from e2judge.formats.cleanup import remove_tree
from e2judge.formats.safe_write import move_into_place
from e2judge.formats.zipsafe import SafeZip
from e2judge.paths import Profile
from e2judge.services.free_space import require_free_space
from e2judge.services.judge.audit import record
from e2judge.services.judge.trust import check_signed, check_unsigned, find_batch, find_contest

Progress = Callable[[int, int], bool]

__all__ = ["ImportCancelled", "ImportSummary", "import_batch", "import_manifest", "verify_batch"]


@dataclass
class ImportSummary:
    """What an import changed."""

    source: str
    contest_id: str
    contest_name: str
    round_name: str
    judge_id: str
    batch_id: str
    revision: int
    signed: bool
    organizer_fingerprint: str = ""
    organizer_label: str = ""
    demo: bool = False
    pinned_now: bool = False
    unchanged: bool = False
    entries_added: list[str] = field(default_factory=list)
    entries_updated: list[str] = field(default_factory=list)
    attachments_added: int = 0

    def describe(self) -> str:
        """One line for a person."""
        if self.unchanged:
            return _("{batch} r{revision}: already imported, nothing changed").format(
                batch=self.batch_id, revision=self.revision
            )
        return _(
            "{batch} r{revision}: {added} entries added, {updated} updated, {attachments} attachments stored"
        ).format(
            batch=self.batch_id,
            revision=self.revision,
            added=len(self.entries_added),
            updated=len(self.entries_updated),
            attachments=self.attachments_added,
        )


def verify_batch(path: Path) -> VerifiedBatch:
    """Check a batch completely (signature, members, every attachment hash) without importing.

    Attachments are hashed as they are read; nothing is written to disk.
    """
    with SafeZip(path, ZIP_LIMITS) as zf:
        batch = open_batch(path, zf)
        verify_attachments(zf, batch)
    return batch


def import_batch(
    db: Database, profile: Profile, path: Path, progress: Progress | None = None
) -> ImportSummary:
    """Verify and import a ``.e2batch`` file. Raises ``InputRefused`` with nothing changed."""
    profile.ensure()
    with SafeZip(path, ZIP_LIMITS) as zf:
        batch = open_batch(path, zf)
        manifest = batch.manifest
        with db.session() as session:
            existing = _check_pin_and_revision(session, str(path), batch)
        # Only attachments the store lacks are written (the store is content-addressed); those it
        # has are still hashed from this file, and every one is checked against the signed
        # manifest even when the manifest is the one already imported: a copy with a swapped
        # attachment is refused, never "unchanged".
        have = {d for d in batch.attachments() if profile.attachment_path(d).exists()}
        needed = sum(n for d, n in batch.attachments().items() if d not in have)
        require_free_space(str(path), profile.attachments, needed + 4 * len(batch.manifest_bytes))
        staging = profile.attachments / f".staging-{uuid.uuid4().hex}"
        staging.mkdir(parents=True)
        try:
            staged = extract_attachments(zf, batch, lambda d: staging / d, progress, skip=have)
            if existing is not None and existing.manifest_sha256 == batch.manifest_sha256:
                return _summary(path, manifest, True, batch, unchanged=True)
            added = _move_into_store(profile, staged)
        finally:
            remove_tree(staging)
    summary = _summary(path, manifest, True, batch)
    summary.attachments_added = added
    import_manifest(db, manifest, batch.manifest_sha256, batch.manifest_bytes, summary, signer=batch)
    return summary


def _summary(
    path: Path, manifest: dict[str, Any], signed: bool, batch: VerifiedBatch | None, unchanged: bool = False
) -> ImportSummary:
    org = manifest.get("organizer") or {}
    return ImportSummary(
        source=str(path),
        contest_id=manifest["contest"]["id"],
        contest_name=manifest["contest"]["name"],
        round_name=manifest["contest"]["round"],
        judge_id=manifest["judge"]["id"],
        batch_id=manifest["batch_id"],
        revision=manifest["revision"],
        signed=signed,
        organizer_fingerprint=batch.signer_fingerprint if batch else "",
        organizer_label=str(org.get("label", "")),
        demo=bool(org.get("demo", False)),
        unchanged=unchanged,
    )


def _check_pin_and_revision(session: Session, source: str, batch: VerifiedBatch) -> Batch | None:
    """Refuse what another key owns (``trust.check_signed``) or a wrong revision; returns the batch
    already imported, if any."""
    manifest = batch.manifest
    _check_owner(session, source, manifest, batch)
    existing = find_batch(session, manifest["batch_id"])
    if existing is None:
        return None
    if existing.judge.judge_key != manifest["judge"]["id"]:
        raise InputRefused(
            source, _("batch {batch} was issued to another judge").format(batch=existing.batch_key)
        )
    if manifest["revision"] < existing.revision:
        raise InputRefused(
            source,
            _("revision {revision} is older than revision {imported} already imported").format(
                revision=manifest["revision"], imported=existing.revision
            ),
        )
    if manifest["revision"] == existing.revision and existing.manifest_sha256 != batch.manifest_sha256:
        raise InputRefused(
            source,
            _("revision {revision} was already imported with different content").format(
                revision=existing.revision
            ),
        )
    return existing


def _check_owner(s: Session, source: str, manifest: dict[str, Any], signer: VerifiedBatch | None) -> None:
    contest = manifest["contest"]
    if signer is None:
        check_unsigned(s, source, contest["id"], manifest["batch_id"])
    else:
        check_signed(
            s, source, contest["id"], contest["round"], manifest["batch_id"], signer.signer_key_id,
            signer.signer_fingerprint,
        )


def _move_into_store(profile: Profile, staged: list[Path]) -> int:
    """Move verified attachments into the content-addressed store and make them durable."""
    moved: list[Path] = []
    made: set[str] = set()
    for path in staged:
        final = profile.attachment_path(path.name)
        folder = os.path.dirname(final)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if os.path.exists(final):
            continue
        move_into_place(path, final, sync=False)  # flushed together below
        moved.append(final)
    flush_to_disk(moved)
    return len(moved)


def import_manifest(
    db: Database,
    manifest: dict[str, Any],
    manifest_sha256: str,
    manifest_bytes: bytes,
    summary: ImportSummary,
    signer: VerifiedBatch | None,
) -> None:
    """Write a checked manifest's rows in one transaction. Scores are never touched."""
    actor = f"import:{manifest['judge']['id']}"
    with db.transaction() as s:
        _check_owner(s, summary.source, manifest, signer)  # again, inside the writing transaction
        contest = find_contest(s, manifest["contest"]["id"])
        if contest is None:
            contest = Contest(contest_key=manifest["contest"]["id"], name=manifest["contest"]["name"])
            s.add(contest)
        contest.name = manifest["contest"]["name"]
        if signer is not None and not contest.organizer_key_id:
            contest.organizer_key_id = signer.signer_key_id
            contest.organizer_public_key = manifest["organizer"]["public_key"]
            contest.organizer_label = manifest["organizer"]["label"]
            summary.pinned_now = True
            record(s, actor, "pin-organizer-key", contest.contest_key, "key_id", None, signer.signer_key_id)
        s.flush()
        rubric_row = _rubric_row(s, Rubric.from_json(manifest["rubric"]))
        rnd = s.scalar(
            select(Round).where(Round.contest_id == contest.id, Round.name == manifest["contest"]["round"])
        )
        if rnd is None:
            rnd = Round(contest_id=contest.id, name=manifest["contest"]["round"])
            s.add(rnd)
        rnd.deadline = manifest["contest"]["deadline"]
        rnd.blind = manifest["blind"]
        rnd.discrepancy_threshold = manifest["contest"]["discrepancy_threshold"]
        rnd.rubric_id = rubric_row.id
        judge_doc = manifest["judge"]
        judge = s.scalar(select(Judge).where(Judge.judge_key == judge_doc["id"]))
        if judge is None:
            judge = Judge(judge_key=judge_doc["id"], name=judge_doc["name"])
            s.add(judge)
            s.flush()
        if _owns_judge(s, judge, signer):
            judge.name, judge.email = judge_doc["name"], judge_doc["email"]
            judge.school, judge.province = judge_doc["school"], judge_doc["province"]
        s.flush()
        batch = find_batch(s, manifest["batch_id"])
        if batch is None:
            batch = Batch(batch_key=manifest["batch_id"], round_id=rnd.id, judge_id=judge.id)
            s.add(batch)
        batch.revision = manifest["revision"]
        batch.manifest_sha256 = manifest_sha256
        batch.manifest_json = manifest_bytes.decode("utf-8")
        batch.signed = signer is not None
        batch.organizer_key_id = signer.signer_key_id if signer else None
        batch.sealing_public_key = (manifest.get("organizer") or {}).get("sealing_public_key")
        batch.source_name = Path(summary.source).name
        batch.imported_at = now()
        s.flush()
        _write_entries(s, (rnd.id, batch.id, judge.id), manifest["entries"], summary, actor)
        record(s, actor, "import-batch", batch.batch_key, "revision", None, batch.revision)


def _owns_judge(s: Session, judge: Judge, signer: VerifiedBatch | None) -> bool:
    """Whether this import may update the judge's details: every batch they already hold came
    from the same key (or, for an unsigned workbook, none was signed)."""
    keys = set(s.scalars(select(Batch.organizer_key_id).where(Batch.judge_id == judge.id)))
    return keys <= {signer.signer_key_id if signer is not None else None}


def _rubric_row(s: Session, rubric: Rubric) -> RubricRow:
    digest = rubric.sha256()
    row = s.scalar(select(RubricRow).where(RubricRow.sha256 == digest))
    if row is not None:
        return row
    row = RubricRow(sha256=digest)
    s.add(row)
    s.flush()
    for position, c in enumerate(rubric.criteria):
        crit = RubricCriterion(
            rubric_id=row.id,
            position=position,
            criterion_key=c.id,
            section=c.section,
            title=c.title,
            description=c.description,
            max_points=c.max_points,
            step=c.step,
            weight=c.weight,
            comment_rule=c.comment_rule.value,
        )
        s.add(crit)
        s.flush()
        for level in c.levels:
            s.add(RubricLevel(criterion_id=crit.id, points=level.points, descriptor=level.descriptor))
    s.flush()
    return row


def _entry_values(doc: dict[str, Any]) -> dict[str, Any]:
    """Row values for an entry: text cleaned again (NFC, bidi controls removed and flagged)."""
    lines = ("title", "authors", "school", "province", "category")
    values: dict[str, Any] = {f: clean_line(doc[f]) for f in lines}
    values["description"] = clean_text(doc["description"])
    values["links"] = "\n".join(clean_line(link) for link in doc["links"])
    values["search_text"] = fold(
        " ".join([doc["code"], values["title"], values["authors"], values["school"]])
    )
    values["flagged"] = any(has_bidi_controls(str(doc[f])) for f in (*lines, "description"))
    values["code_key"] = sort_key_bytes(doc["code"])
    return values


def _write_entries(
    s: Session,
    owners: tuple[int, int, int],
    docs: list[dict[str, Any]],
    summary: ImportSummary,
    actor: str,
) -> None:
    """Insert new entries, update changed ones (audited), and assign them; scores are not touched.

    ``owners`` is (round id, batch id, judge id).
    """
    round_id, batch_id, judge_id = owners
    current = {row.code: row for row in s.scalars(select(Entry).where(Entry.round_id == round_id))}
    new_rows: list[dict[str, Any]] = []
    for doc in docs:
        values = _entry_values(doc)
        row = current.get(doc["code"])
        if row is None:
            new_rows.append({"round_id": round_id, "code": doc["code"], **values})
            continue
        changed = {key: value for key, value in values.items() if getattr(row, key) != value}
        if changed:
            for key, value in changed.items():
                if key not in ("search_text", "code_key"):
                    record(s, actor, "update-entry", doc["code"], key, getattr(row, key), value)
                setattr(row, key, value)
            summary.entries_updated.append(doc["code"])
    if new_rows:
        s.connection().execute(insert(Entry), new_rows)
        summary.entries_added = [r["code"] for r in new_rows]
    s.flush()
    ids: dict[str, int] = {
        code: eid for code, eid in s.execute(select(Entry.code, Entry.id).where(Entry.round_id == round_id))
    }
    _write_attachments(s, ids, docs)
    assigned = set(s.scalars(select(Assignment.entry_id).where(Assignment.judge_id == judge_id)))
    new_assignments = [
        {
            "batch_id": batch_id,
            "judge_id": judge_id,
            "entry_id": ids[d["code"]],
            "position": pos,
            "overall_comment": "",
        }
        for pos, d in enumerate(docs)
        if ids[d["code"]] not in assigned
    ]
    if new_assignments:
        s.connection().execute(insert(Assignment), new_assignments)


def _write_attachments(s: Session, ids: dict[str, int], docs: list[dict[str, Any]]) -> None:
    have = (
        {
            (entry_id, name): (att_id, digest)
            for att_id, entry_id, name, digest in s.execute(
                select(Attachment.id, Attachment.entry_id, Attachment.name, Attachment.sha256).where(
                    Attachment.entry_id.in_(list(ids.values()))
                )
            )
        }
        if ids
        else {}
    )
    rows = []
    changed = []
    for d in docs:
        for att in d["attachments"]:
            key = (ids[d["code"]], att["name"])
            if key not in have:
                rows.append(
                    {"entry_id": key[0], "name": att["name"], "sha256": att["sha256"], "size": att["size"]}
                )
            elif have[key][1] != att["sha256"]:
                changed.append({"id": have[key][0], "sha256": att["sha256"], "size": att["size"]})
    if rows:
        s.connection().execute(insert(Attachment), rows)
    if changed:
        s.execute(update(Attachment), changed)
