"""``org results``: per-entry and per-judge figures from the collected score sheets.

Only complete scores from entries without a conflict count ("returned"); an entry's figures are
over the weighted totals of its returned scores. See ``e2judge.core.stats`` for the normalisation.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from e2judge.core.agreement import MIN_SEVERITY_ENTRIES, Alpha, Severity, interval_alpha, severities
from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.core.moderation import DEFAULT_RULE, final_score
from e2judge.core.results import Agreement, DetailRow, EntryResult, JudgeResult, JudgeScore, Results
from e2judge.core.rubric import Rubric, totals
from e2judge.core.stats import competition_ranks, mean, median, normalise, pstdev, spread
from e2judge.db.org_models import OrgAssignment, OrgEntry, OrgJudge, OrgReturn, OrgRound, OrgScore, OrgSheet
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.services.org.workspace import open_workspace

__all__ = [
    "RANK_BY",
    "Agreement",
    "DetailRow",
    "EntryResult",
    "JudgeResult",
    "JudgeScore",
    "Results",
    "compute_results",
]

RANK_BY = ("raw", "normalised", "final")
DEFAULT_DISCREPANCY_SHARE = 0.2
MIN_ENTRIES = MIN_SEVERITY_ENTRIES  # a judge with fewer complete scores is neither normalised nor rated
_TOLERANCE = 1e-9


def compute_results(
    orgdir: Path,
    contest_key: str | None = None,
    round_name: str | None = None,
    *,
    discrepancy: float | None = None,
    rank_by: str = "normalised",
    min_entries: int = MIN_ENTRIES,
    bootstrap: int | None = None,
) -> Results:
    """Results for one round (the only one when the workspace has one; else name it).

    A judge with fewer than ``min_entries`` complete scores is not normalised and their severity
    is marked as resting on too few entries. ``bootstrap`` resamples for alpha's interval.
    """
    if min_entries < 2:
        raise InputRefused(str(orgdir), _("the minimum of entries per judge must be at least 2"))
    if bootstrap is not None and bootstrap < 0:
        raise InputRefused(str(orgdir), _("the number of bootstrap resamples must not be negative"))
    if rank_by not in RANK_BY:
        raise InputRefused(str(orgdir), f"rank by {rank_by!r}: use raw or normalised")
    if discrepancy is not None and discrepancy < 0:
        raise InputRefused(str(orgdir), "the discrepancy threshold must not be negative")
    _ws, db = open_workspace(orgdir)
    with db, db.session() as s:
        rounds = list(s.scalars(select(OrgRound).order_by(OrgRound.id)))
        rnd = _pick_round(orgdir, rounds, contest_key, round_name)
        rubric = Rubric.from_json(json.loads(rnd.rubric_json))
        entries = {e.id: e for e in s.scalars(select(OrgEntry).where(OrgEntry.round_id == rnd.id))}
        judges = {j.id: j for j in s.scalars(select(OrgJudge).where(OrgJudge.round_id == rnd.id))}
        assignments = list(s.scalars(select(OrgAssignment).where(OrgAssignment.round_id == rnd.id)))
        plan = [(a.judge_id, a.entry_id) for a in assignments]
        moderators: dict[int, list[str]] = defaultdict(list)
        for a in assignments:
            if a.purpose == "moderation":
                moderators[a.entry_id].append(judges[a.judge_id].judge_key)
        rule = rnd.moderation_rule or DEFAULT_RULE
        returns = {
            (r.judge_id, r.entry_id): r
            for r in s.scalars(select(OrgReturn).where(OrgReturn.round_id == rnd.id))
        }
        points: dict[tuple[int, int], dict[str, float | None]] = defaultdict(dict)
        comments: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
        for sc in s.scalars(select(OrgScore).where(OrgScore.round_id == rnd.id)):
            points[(sc.judge_id, sc.entry_id)][sc.criterion_key] = sc.points
            comments[(sc.judge_id, sc.entry_id)][sc.criterion_key] = sc.comment
        # The newest accepted sheet (the last one stored), not the highest number: after a key
        # replacement the new key's revisions start again at 1.
        newest = (
            select(func.max(OrgSheet.id))
            .where(OrgSheet.round_id == rnd.id)
            .group_by(OrgSheet.judge_id)
            .scalar_subquery()
        )
        last_revision = {
            judge_id: revision
            for judge_id, revision in s.execute(
                select(OrgSheet.judge_id, OrgSheet.revision).where(OrgSheet.id.in_(newest))
            )
        }
    threshold = (
        discrepancy
        if discrepancy is not None
        else rnd.discrepancy_threshold
        if rnd.discrepancy_threshold is not None
        else DEFAULT_DISCREPANCY_SHARE * rubric.max_weighted
    )
    weighted: dict[int, dict[int, float]] = defaultdict(dict)  # judge id -> entry id -> total
    for (judge_id, entry_id), ret in returns.items():
        if ret.complete and ret.conflict_reason is None:
            weighted[judge_id][entry_id] = totals(rubric, points[(judge_id, entry_id)]).weighted
    norm = normalise(weighted, min_entries)
    agreement = _agreement(rubric, weighted, points, min_entries, bootstrap)
    peers = severities(weighted, min_entries)
    entry_rows = _entry_results(entries, judges, plan, returns, weighted, norm.scores, norm.fallback,
                                threshold, rank_by, rule, moderators)
    all_totals = [v for per in weighted.values() for v in per.values()]
    overall = mean(all_totals)
    judge_rows = _judge_results(
        judges, entries, plan, returns, weighted, last_revision, overall, norm.judges, peers, min_entries
    )
    details = tuple(
        DetailRow(
            code=entries[entry_id].code,
            title=entries[entry_id].title,
            judge_key=judges[judge_id].judge_key,
            judge_name=judges[judge_id].name,
            points=tuple(points[(judge_id, entry_id)].get(c.id) for c in rubric.criteria),
            comments=tuple(comments[(judge_id, entry_id)].get(c.id, "") for c in rubric.criteria),
            weighted=weighted[judge_id].get(entry_id),
            complete=bool(ret.complete),
            conflict_reason=ret.conflict_reason,
            overall_comment=ret.overall_comment,
            revision=ret.revision,
        )
        for (judge_id, entry_id), ret in sorted(
            returns.items(), key=lambda item: (entries[item[0][1]].code, judges[item[0][0]].judge_key)
        )
    )
    return Results(
        contest_key=rnd.contest_key,
        contest_name=rnd.contest_name,
        round_name=rnd.round_name,
        rubric=rubric,
        threshold=threshold,
        rank_by=rank_by,
        overall_mean=overall,
        entries=entry_rows,
        judges=judge_rows,
        details=details,
        agreement=agreement,
        moderation_rule=rule,
    )


def _agreement(
    rubric: Rubric,
    weighted: dict[int, dict[int, float]],
    points: dict[tuple[int, int], dict[str, float | None]],
    min_entries: int,
    bootstrap: int | None,
) -> Agreement:
    """Alpha of the weighted totals and of each criterion's points, over the counted scores."""
    extra: dict[str, int] = {} if bootstrap is None else {"samples": bootstrap}
    per_criterion: list[tuple[str, Alpha]] = []
    for criterion in rubric.criteria:
        by_judge: dict[int, dict[int, float]] = defaultdict(dict)
        for judge_id, scores in weighted.items():
            for entry_id in scores:
                value = points[(judge_id, entry_id)].get(criterion.id)
                if value is not None:
                    by_judge[judge_id][entry_id] = value
        per_criterion.append((criterion.id, interval_alpha(by_judge, **extra)))
    return Agreement(interval_alpha(weighted, **extra), tuple(per_criterion), min_entries)


def _pick_round(
    orgdir: Path, rounds: list[OrgRound], contest_key: str | None, round_name: str | None
) -> OrgRound:
    chosen = [
        r
        for r in rounds
        if (contest_key is None or r.contest_key == contest_key)
        and (round_name is None or r.round_name == round_name)
    ]
    if len(chosen) == 1:
        return chosen[0]
    if not rounds:
        raise InputRefused(str(orgdir), "no round in this workspace yet (run 'e2judge org build' first)")
    listing = "; ".join(f"{r.contest_key} / {r.round_name}" for r in rounds)
    if not chosen:
        raise InputRefused(str(orgdir), f"no such round; the workspace has: {listing}")
    raise InputRefused(str(orgdir), f"several rounds: name one with --contest and --round ({listing})")


def _entry_results(
    entries: dict[int, OrgEntry],
    judges: dict[int, OrgJudge],
    plan: list[tuple[int, int]],
    returns: dict[tuple[int, int], OrgReturn],
    weighted: dict[int, dict[int, float]],
    normalised: dict[int, float],
    fallback: frozenset[int],
    threshold: float,
    rank_by: str,
    rule: str = DEFAULT_RULE,
    moderators: dict[int, list[str]] | None = None,
) -> tuple[EntryResult, ...]:
    assigned: dict[int, int] = defaultdict(int)
    for _judge, entry_id in plan:
        assigned[entry_id] += 1
    conflicted: dict[int, int] = defaultdict(int)
    for (_judge, entry_id), ret in returns.items():
        if ret.conflict_reason is not None:
            conflicted[entry_id] += 1
    per_entry: dict[int, list[JudgeScore]] = defaultdict(list)
    for judge_id, scores in weighted.items():
        for entry_id, value in scores.items():
            per_entry[entry_id].append(JudgeScore(judges[judge_id].judge_key, value))
    raw_means = {eid: mean([t.weighted for t in per_entry[eid]]) for eid in entries}
    finals = {eid: final_score([(t.judge_key, t.weighted) for t in per_entry[eid]], rule) for eid in entries}
    chosen = (
        raw_means
        if rank_by == "raw"
        else {eid: f.value for eid, f in finals.items()}
        if rank_by == "final"
        else {eid: normalised.get(eid) for eid in entries}
    )
    ranks = competition_ranks(chosen)
    rows: list[EntryResult] = []
    for eid, e in entries.items():
        values = [t.weighted for t in per_entry[eid]]
        gap = spread(values)
        rows.append(
            EntryResult(
                code=e.code,
                title=e.title,
                authors=e.authors,
                school=e.school,
                province=e.province,
                category=e.category,
                assigned=assigned[eid],
                returned=len(values),
                conflicted=conflicted[eid],
                totals=tuple(sorted(per_entry[eid], key=lambda t: t.judge_key)),
                mean=raw_means[eid],
                median=median(values),
                minimum=min(values) if values else None,
                maximum=max(values) if values else None,
                spread=gap,
                normalised=normalised.get(eid),
                normalised_fallback=eid in fallback,
                discrepancy=len(values) >= 2 and gap is not None and gap > threshold + _TOLERANCE,
                rank=ranks[eid],
                final=finals[eid].value,
                counted=finals[eid].counted,
                final_reason=finals[eid].reason,
                moderated_by=tuple(sorted((moderators or {}).get(eid, ()))),
            )
        )
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.code))
    return tuple(rows)


def _judge_results(
    judges: dict[int, OrgJudge],
    entries: dict[int, OrgEntry],
    plan: list[tuple[int, int]],
    returns: dict[tuple[int, int], OrgReturn],
    weighted: dict[int, dict[int, float]],
    last_revision: dict[int, int],
    overall: float | None,
    normalised: frozenset[int],
    peers: dict[int, Severity],
    min_entries: int,
) -> tuple[JudgeResult, ...]:
    planned: dict[int, list[int]] = defaultdict(list)
    for judge_id, entry_id in plan:
        planned[judge_id].append(entry_id)
    rows: list[JudgeResult] = []
    for jid, j in sorted(judges.items(), key=lambda item: item[1].judge_key):
        values = list(weighted[jid].values())
        conflicts = {eid for (rj, eid), r in returns.items() if rj == jid and r.conflict_reason is not None}
        missing = sorted(
            entries[eid].code for eid in planned[jid] if eid not in weighted[jid] and eid not in conflicts
        )
        m = mean(values)
        rows.append(
            JudgeResult(
                judge_key=j.judge_key,
                name=j.name,
                assigned=len(planned[jid]),
                scored=len(values),
                conflicts=len(conflicts),
                mean=m,
                sd=pstdev(values),
                severity=None if m is None or overall is None else m - overall,
                last_revision=last_revision.get(jid),
                missing=tuple(missing),
                normalised=jid in normalised,
                fingerprint=readable_fingerprint(base64.b64decode(j.public_key)) if j.public_key else "",
                key_source=j.key_source or "",
                severity_vs_peers=peers[jid].value if jid in peers else None,
                severity_se=peers[jid].se if jid in peers else None,
                severity_entries=peers[jid].entries if jid in peers else 0,
                too_few_entries=len(values) < min_entries,
                severity_reliable=jid in peers and peers[jid].enough,
            )
        )
    return tuple(rows)
