"""``org moderate``: a third judge for every entry whose judges disagree, in signed follow-up batches.

An entry needs one more judge when at least two complete scores came back and their spread (highest
minus lowest weighted total) is at or over the threshold (``--threshold``, else the round's
discrepancy threshold). The new judge has not been given the entry before and is not from its
school (``e2judge.core.moderation.pick_moderators``). Each chosen judge gets a follow-up batch
holding only those entries, batch id ``<their batch id>.m<n>``: it joins the round they already
have (or starts it), and their next sheet carries every entry of the round. An entry that was
moderated once is not moderated again.

The organizer's workbook is read again (with its attachments) because the workspace keeps only
what results need; it must describe the same contest, round and rubric.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select

from e2judge.core.errors import InputRefused, Problem, ValidationFailed
from e2judge.core.i18n import _, number
from e2judge.core.moderation import Candidate, NeedsJudge, pick_moderators
from e2judge.db.org_models import OrgAssignment, OrgBatch, OrgEntry, OrgJudge, OrgRound
from e2judge.formats.keys import public_raw_of, read_public
from e2judge.formats.manifest import batch_id, build_manifest
from e2judge.services.org.build import BuildSummary, _Signer, _write_judge_batch, collect_attachments
from e2judge.services.org.results import compute_results
from e2judge.services.org.workspace import open_workspace, sealing_key, setting, signing_key
from e2judge.services.org.workspace_lock import workspace_lock
from e2judge.xlsx.org_workbook import read_workbook

_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Moderation:
    """One entry sent to one more judge."""

    code: str
    judge_key: str
    spread: float
    scored_by: tuple[str, ...]


@dataclass
class ModerateSummary:
    """What ``org moderate`` did."""

    contest_id: str
    round_name: str
    threshold: float
    moderations: list[Moderation] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # over the threshold, moderated before
    files: list[Path] = field(default_factory=list)


def moderate(
    orgdir: Path,
    workbook: Path,
    out: Path,
    passphrase: str,
    *,
    attachments: Path | None = None,
    threshold: float | None = None,
    contest_key: str | None = None,
    round_name: str | None = None,
) -> ModerateSummary:
    """Plan the third judges, then sign and write their follow-up batches; nothing on refusal."""
    if threshold is not None and threshold < 0:
        raise InputRefused(str(orgdir), _("the threshold must not be negative"))
    results = compute_results(orgdir, contest_key, round_name, discrepancy=threshold, bootstrap=0)
    spec = read_workbook(workbook)
    if (spec.contest_id, spec.round) != (results.contest_key, results.round_name):
        raise InputRefused(
            str(workbook),
            _("the workbook describes {contest} / {round}, not {wanted_contest} / {wanted_round}").format(
                contest=spec.contest_id,
                round=spec.round,
                wanted_contest=results.contest_key,
                wanted_round=results.round_name,
            ),
        )
    if spec.rubric.sha256() != results.rubric.sha256():
        raise InputRefused(str(workbook), _("the workbook's rubric is not the rubric of this round"))
    ws, db = open_workspace(orgdir)
    with db, workspace_lock(ws):
        with db.session() as s:
            rnd = s.scalars(
                select(OrgRound).where(
                    OrgRound.contest_key == results.contest_key, OrgRound.round_name == results.round_name
                )
            ).one()
            round_id = rnd.id
            taken: dict[str, set[str]] = {}
            moderated: set[str] = set()
            loads: dict[str, int] = {}
            rows = s.execute(
                select(OrgEntry.code, OrgJudge.judge_key, OrgAssignment.purpose)
                .join(OrgEntry, OrgEntry.id == OrgAssignment.entry_id)
                .join(OrgJudge, OrgJudge.id == OrgAssignment.judge_id)
                .where(OrgAssignment.round_id == round_id)
            )
            for code, judge_key, purpose in rows:
                taken.setdefault(code, set()).add(judge_key)
                loads[judge_key] = loads.get(judge_key, 0) + 1
                if purpose == "moderation":
                    moderated.add(code)
            judge_rows = {
                j.judge_key: j.id for j in s.scalars(select(OrgJudge).where(OrgJudge.round_id == round_id))
            }
            entry_ids: dict[str, int] = {
                code: eid
                for code, eid in s.execute(
                    select(OrgEntry.code, OrgEntry.id).where(OrgEntry.round_id == round_id)
                )
            }
        summary = ModerateSummary(results.contest_key, results.round_name, results.threshold)
        over = [
            e
            for e in results.entries
            if e.returned >= 2 and e.spread is not None and e.spread >= results.threshold - _TOLERANCE
        ]
        summary.already = sorted(e.code for e in over if e.code in moderated)
        todo = [e for e in over if e.code not in moderated]
        schools = {e.code: e.school for e in spec.entries}
        listed = {j.judge_id for j in spec.judges}
        candidates = [
            Candidate(j.judge_id, j.school, loads.get(j.judge_id, 0))
            for j in spec.judges
            if j.judge_id in judge_rows
        ]
        missing = sorted(set(judge_rows) - listed)
        if missing:
            raise InputRefused(
                str(workbook),
                _("judges of this round are not in the workbook: {judges}").format(judges=", ".join(missing)),
            )
        plan, impossible = pick_moderators(
            [
                NeedsJudge(e.code, schools.get(e.code, e.school), frozenset(taken.get(e.code, ())))
                for e in todo
            ],
            candidates,
        )
        if impossible:
            raise ValidationFailed(
                str(workbook),
                [
                    Problem(
                        _("entry {code}").format(code=code),
                        _("no judge is left who has not had it and is not from its school"),
                    )
                    for code in impossible
                ],
            )
        by_code = {e.code: e for e in results.entries}
        for code, judge_key in sorted(plan.items()):
            e = by_code[code]
            summary.moderations.append(
                Moderation(code, judge_key, e.spread or 0.0, tuple(t.judge_key for t in e.totals))
            )
        if not plan:
            return summary
        entries = {e.code: e for e in spec.entries}
        needed = [entries[c] for c in sorted(plan)]
        folder = attachments if attachments is not None else workbook.parent / "attachments"
        files_by_name, files_by_hash = collect_attachments(
            replace(spec, entries=tuple(needed)),
            folder if folder.is_dir() else None,
            workbook,
        )
        key = signing_key(ws, passphrase)
        signer = _Signer(
            key,
            public_raw_of(key),
            read_public(ws.signing_key).label,
            setting(db, "demo") == "1",
            public_raw_of(sealing_key(ws, passphrase)),
        )
        out.mkdir(parents=True, exist_ok=True)
        judges = {j.judge_id: j for j in spec.judges}
        with db.transaction() as s:
            rnd = s.get_one(OrgRound, round_id)
            for judge_key in sorted(set(plan.values())):
                codes = [c for c in sorted(plan) if plan[c] == judge_key]
                judge_row = s.get_one(OrgJudge, judge_rows[judge_key])
                s.add_all(
                    OrgAssignment(
                        round_id=round_id, judge_id=judge_row.id, entry_id=entry_ids[c], purpose="moderation"
                    )
                    for c in codes
                )
                manifest = build_manifest(
                    spec,
                    judges[judge_key],
                    [entries[c] for c in codes],
                    files_by_name,
                    revision=1,
                    signer_public=signer.public,
                    signer_label=signer.label,
                    demo=signer.demo,
                    sealing_public=signer.sealing_public,
                )
                base = batch_id(spec.contest_id, spec.round, judge_key)
                earlier = s.scalar(
                    select(func.count(func.distinct(OrgBatch.batch_key))).where(
                        OrgBatch.judge_id == judge_row.id, OrgBatch.batch_key.like(f"{base}.m%")
                    )
                )
                manifest["batch_id"] = f"{base}.m{(earlier or 0) + 1}"
                built = BuildSummary(spec.contest_id, spec.round)
                _write_judge_batch(s, rnd, judge_row, manifest, files_by_hash, signer, out, built)
                summary.files.extend(built.files)
        return summary


def describe(m: Moderation) -> str:
    """One line: ``E-004 → GK3 (spread 6; scored by GK1, GK2)``."""
    return _("{code} → {judge} (spread {spread}; scored by {judges})").format(
        code=m.code, judge=m.judge_key, spread=number(m.spread), judges=", ".join(m.scored_by)
    )
