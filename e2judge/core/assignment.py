"""Balanced, deterministic assignment of entries to judges, never to a judge of the entry's own school."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from e2judge.core.contest import EntrySpec, JudgeSpec
from e2judge.core.errors import Problem
from e2judge.core.text import same_school


class AssignmentImpossible(Exception):
    """The plan cannot be made; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _tiebreak(code: str, judge_id: str) -> str:
    return hashlib.sha256(f"{code}\x00{judge_id}".encode()).hexdigest()


def assign(entries: Sequence[EntrySpec], judges: Sequence[JudgeSpec], per_entry: int) -> dict[str, list[str]]:
    """Map each judge id to the entry codes they score; each entry gets ``per_entry`` judges.

    Entries with the fewest eligible judges are placed first (then by code); each goes to the
    least-loaded eligible judges, ties broken by a stable hash, so the same input always gives the
    same plan. Loads differ by at most one; the result is checked and refused otherwise.
    """
    problems: list[Problem] = []
    if per_entry < 1:
        problems.append(Problem("--judges-per-entry", "must be at least 1"))
    if per_entry > len(judges):
        problems.append(
            Problem("Judges", f"{len(judges)} judges listed, fewer than the {per_entry} needed per entry")
        )
    if problems:
        raise AssignmentImpossible(problems)
    load = {j.judge_id: 0 for j in judges}
    plan: dict[str, list[str]] = {j.judge_id: [] for j in judges}
    eligible_for = {e.code: [j for j in judges if not same_school(j.school, e.school)] for e in entries}
    for entry in sorted(entries, key=lambda e: (len(eligible_for[e.code]), e.code)):
        eligible = eligible_for[entry.code]
        if len(eligible) < per_entry:
            problems.append(
                Problem(
                    f"entry {entry.code}",
                    f"only {len(eligible)} judges are not from its school, {per_entry} needed",
                )
            )
            continue
        chosen = sorted(eligible, key=lambda j: (load[j.judge_id], _tiebreak(entry.code, j.judge_id)))
        for judge in chosen[:per_entry]:
            load[judge.judge_id] += 1
            plan[judge.judge_id].append(entry.code)
    if problems:
        raise AssignmentImpossible(problems)
    if max(load.values()) - min(load.values()) > 1:
        raise AssignmentImpossible(
            [Problem("assignment", "school conflicts prevent loads within one entry of each other")]
        )
    return plan
