"""``org build``: validate the organizer's workbook and write one signed batch per judge."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from e2judge.core.agreement import connected_groups
from e2judge.core.assignment import AssignmentImpossible, Move, MoveRefused, apply_moves, assign
from e2judge.core.clock import now
from e2judge.core.contest import ContestSpec
from e2judge.core.errors import InputRefused, Problem, ValidationFailed
from e2judge.core.i18n import _
from e2judge.core.rubric import canonical_json
from e2judge.db.org_models import OrgAssignment, OrgBatch, OrgEntry, OrgJudge, OrgRound
from e2judge.formats.batch import SUFFIX, check_manifest, write_batch
from e2judge.formats.keys import public_raw_of, read_public
from e2judge.formats.manifest import build_manifest, content_key
from e2judge.services.free_space import require_free_space
from e2judge.services.org import audit
from e2judge.services.org.validate import check_workbook, scan_attachments
from e2judge.services.org.workspace import open_workspace, sealing_key, setting, signing_key
from e2judge.services.org.workspace_lock import workspace_lock


@dataclass
class BuildSummary:
    """What ``org build`` wrote."""

    contest_id: str
    round_name: str
    files: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    loads: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def collect_attachments(
    spec: ContestSpec, folder: Path | None, workbook: Path
) -> tuple[dict[str, tuple[str, int]], dict[str, Path]]:
    """Hash every attachment the entries name; every missing or unsafe one is a problem
    (``validate.scan_attachments``, raised together as one ``ValidationFailed``)."""
    by_name, by_hash, problems = scan_attachments(spec.entries, folder)
    if problems:
        raise ValidationFailed(str(workbook), problems)
    return by_name, by_hash


def _batches_size(
    spec: ContestSpec, plan: Mapping[str, Sequence[str]], files_by_name: Mapping[str, tuple[str, int]]
) -> int:
    """At most how many bytes the batches take: each judge's distinct attachments (members are
    stored or deflated, never much larger), plus room for the manifests."""
    names = {e.code: e.attachments for e in spec.entries}
    total = 0
    for codes in plan.values():
        sizes = {files_by_name[n] for code in codes for n in names[code]}
        total += sum(size for _digest, size in sizes) + 2**20 + 4096 * len(codes)
    return total


@dataclass(frozen=True)
class _Signer:
    key: Ed25519PrivateKey
    public: bytes
    label: str
    demo: bool
    sealing_public: bytes | None


def build_batches(
    orgdir: Path,
    workbook: Path,
    out: Path,
    passphrase: str,
    *,
    attachments: Path | None = None,
    judges_per_entry: int = 1,
    blind: bool | None = None,
    moves: Sequence[Move] = (),
    progress: Callable[[int, int], None] | None = None,
) -> BuildSummary:
    """Validate everything, then sign and write one batch per judge and record the plan.

    Every problem of the workbook is reported at once (``check_workbook``). ``moves`` are the
    organizer's manual changes to the plan (refused when one breaks the own-school rule), each
    logged with who made it. ``progress(done, total)`` is called before each judge's batch; an
    exception it raises (a cancel) ends the build with nothing recorded and no file left behind.
    """
    ws, db = open_workspace(orgdir)
    with db, workspace_lock(ws):
        check = check_workbook(workbook, attachments, judges_per_entry)
        if check.spec is None:
            raise ValidationFailed(str(workbook), check.problems)
        spec = check.spec
        if blind is not None and blind != spec.blind:
            spec = replace(spec, blind=blind)
        files_by_name, files_by_hash = check.attachments, check.files
        try:
            plan = apply_moves(
                assign(spec.entries, spec.judges, judges_per_entry), spec.entries, spec.judges, moves
            )
        except AssignmentImpossible as exc:
            raise ValidationFailed(str(workbook), exc.problems) from None
        except MoveRefused as exc:
            raise ValidationFailed(str(workbook), [Problem(_("assignment"), exc.reason)]) from None
        key = signing_key(ws, passphrase)
        sealing_public = public_raw_of(sealing_key(ws, passphrase))  # created for older workspaces
        signer = _Signer(
            key,
            public_raw_of(key),
            read_public(ws.signing_key).label,
            setting(db, "demo") == "1",
            sealing_public,
        )
        require_free_space(str(out), out, _batches_size(spec, plan, files_by_name))
        out.mkdir(parents=True, exist_ok=True)
        summary = BuildSummary(spec.contest_id, spec.round)
        entries = {e.code: e for e in spec.entries}
        try:
            with db.transaction() as s:
                rnd = _store_round(s, spec, judges_per_entry)
                judge_rows = _store_people(s, rnd, spec)
                entry_ids = {
                    e.code: e.id for e in s.scalars(select(OrgEntry).where(OrgEntry.round_id == rnd.id))
                }
                # A third judge's entries (org moderate) stay: only the plan is made again.
                s.execute(
                    delete(OrgAssignment).where(
                        OrgAssignment.round_id == rnd.id, OrgAssignment.purpose == "plan"
                    )
                )
                kept = {
                    (judge_id, entry_id)
                    for judge_id, entry_id in s.execute(
                        select(OrgAssignment.judge_id, OrgAssignment.entry_id).where(
                            OrgAssignment.round_id == rnd.id
                        )
                    )
                }
                for done, judge in enumerate(spec.judges):
                    if progress is not None:
                        progress(done, len(spec.judges))
                    codes = plan[judge.judge_id]
                    summary.loads[judge.judge_id] = len(codes)
                    judge_row = judge_rows[judge.judge_id]
                    s.add_all(
                        OrgAssignment(round_id=rnd.id, judge_id=judge_row.id, entry_id=entry_ids[c])
                        for c in codes
                        if (judge_row.id, entry_ids[c]) not in kept
                    )
                    if codes:
                        manifest = build_manifest(
                            spec,
                            judge,
                            [entries[c] for c in codes],
                            files_by_name,
                            revision=1,
                            signer_public=signer.public,
                            signer_label=signer.label,
                            demo=signer.demo,
                            sealing_public=signer.sealing_public,
                        )
                        _write_judge_batch(s, rnd, judge_row, manifest, files_by_hash, signer, out, summary)
                subject = f"{spec.contest_id} / {spec.round}"
                for move in moves:
                    audit.record(
                        s, "reassign", subject, f"{move.code}: {move.source} → {move.target}", move.actor
                    )
                audit.record(
                    s,
                    "build",
                    subject,
                    f"{len(summary.files)} batches written, {len(summary.unchanged)} unchanged",
                )
        except BaseException:
            for path in summary.files:  # nothing half-written: a cancelled or failed build leaves no file
                path.unlink(missing_ok=True)
            raise
        summary.warnings.extend(network_warnings(plan))
        return summary


def network_warnings(plan: dict[str, list[str]]) -> list[str]:
    """A warning when the judge–entry network falls into groups that share no entry.

    Judges of different groups never score a common entry, so their severities (and the
    normalisation) cannot be compared across groups.
    """
    groups = connected_groups([(judge, code) for judge, codes in plan.items() for code in codes])
    if len(groups) < 2:
        return []
    listing = "; ".join(
        _("judges {judges} ({count} entries)").format(judges=", ".join(sorted(j)), count=len(e))
        for j, e in groups
    )
    return [
        _(
            "the judges fall into {count} groups that share no entry: severity and normalisation "
            "cannot be compared between groups ({groups})"
        ).format(count=len(groups), groups=listing)
    ]


def _write_judge_batch(
    s: Session,
    rnd: OrgRound,
    judge_row: OrgJudge,
    manifest: dict[str, Any],
    files_by_hash: dict[str, Path],
    signer: _Signer,
    out: Path,
    summary: BuildSummary,
) -> None:
    """Write the next revision of a judge's batch, unless its content did not change."""
    content = hashlib.sha256(canonical_json(content_key(manifest))).hexdigest()
    last = s.scalar(
        select(OrgBatch)
        .where(OrgBatch.batch_key == manifest["batch_id"])
        .order_by(OrgBatch.revision.desc())
        .limit(1)
    )
    if last is not None and last.content_sha256 == content and (out / last.file_name).exists():
        summary.unchanged.append(out / last.file_name)
        return
    manifest["revision"] = 1 if last is None else last.revision + 1
    name = f"{manifest['batch_id']}-r{manifest['revision']}{SUFFIX}"
    target = out / name
    if target.exists():
        raise InputRefused(str(target), "a batch file with this name already exists; not overwritten")
    check_manifest(str(target), manifest)  # never sign what a judge's import would refuse
    needed = {a["sha256"] for e in manifest["entries"] for a in e["attachments"]}
    digest = write_batch(target, manifest, {h: files_by_hash[h] for h in needed}, signer.key)
    s.add(
        OrgBatch(
            round_id=rnd.id,
            judge_id=judge_row.id,
            batch_key=manifest["batch_id"],
            revision=manifest["revision"],
            manifest_sha256=digest,
            content_sha256=content,
            file_name=name,
            created_at=now(),
        )
    )
    summary.files.append(target)


def _store_round(s: Session, spec: ContestSpec, per_entry: int) -> OrgRound:
    rnd = s.scalar(
        select(OrgRound).where(OrgRound.contest_key == spec.contest_id, OrgRound.round_name == spec.round)
    )
    if rnd is None:
        rnd = OrgRound(contest_key=spec.contest_id, round_name=spec.round)
        s.add(rnd)
    rnd.contest_name = spec.contest_name
    rnd.deadline = spec.deadline
    rnd.blind = int(spec.blind)
    rnd.discrepancy_threshold = spec.discrepancy_threshold
    rnd.rubric_json = json.dumps(spec.rubric.to_json(), ensure_ascii=False, sort_keys=True)
    rnd.rubric_sha256 = spec.rubric.sha256()
    rnd.judges_per_entry = per_entry
    rnd.moderation_rule = spec.moderation_rule
    s.flush()
    return rnd


def _store_people(s: Session, rnd: OrgRound, spec: ContestSpec) -> dict[str, OrgJudge]:
    entries = {e.code: e for e in s.scalars(select(OrgEntry).where(OrgEntry.round_id == rnd.id))}
    for e in spec.entries:
        row = entries.get(e.code) or OrgEntry(round_id=rnd.id, code=e.code)
        row.title, row.authors, row.school = e.title, e.authors, e.school
        row.province, row.category = e.province, e.category
        s.add(row)
    judges = {j.judge_key: j for j in s.scalars(select(OrgJudge).where(OrgJudge.round_id == rnd.id))}
    for j in spec.judges:
        jrow = judges.get(j.judge_id) or OrgJudge(round_id=rnd.id, judge_key=j.judge_id)
        jrow.name, jrow.email, jrow.school, jrow.province = j.name, j.email, j.school, j.province
        s.add(jrow)
        judges[j.judge_id] = jrow
    s.flush()
    return judges
