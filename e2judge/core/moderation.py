"""A third judge when two disagree: who moderates which entry, and how the final score is made.

Final score rules (the Contest sheet's ``moderation_rule``):

- ``mean_all``: the mean of every judge's score (what every round did before moderation).
- ``median``: the median of the scores (the middle one, or the mean of the two middle ones).
- ``closest_two``: the mean of the two scores closest to each other; the others do not count. When
  two pairs are equally close, the scores of all the tied pairs count. With two scores or fewer
  it is the mean of all.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from e2judge.core.i18n import _, number
from e2judge.core.text import same_school

RULES = ("closest_two", "median", "mean_all")
DEFAULT_RULE = "mean_all"
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Final:
    """An entry's final score, the judges whose scores counted and why."""

    value: float | None
    counted: tuple[str, ...]
    reason: str


def final_score(scores: Sequence[tuple[str, float]], rule: str) -> Final:
    """The final score of (judge, score) pairs under ``rule`` (see the module notes)."""
    if rule not in RULES:
        raise ValueError(f"unknown moderation rule {rule!r}")
    if not scores:
        return Final(None, (), _("no complete score"))
    ordered = sorted(scores, key=lambda item: (item[1], item[0]))
    judges = tuple(j for j, _v in ordered)
    values = [v for _j, v in ordered]
    n = len(values)
    if rule == "mean_all" or (rule == "closest_two" and n <= 2):
        reason = _("mean of all {count} scores").format(count=n)
        return Final(math.fsum(values) / n, judges, reason)
    if rule == "median":
        middle = n // 2
        chosen = [middle] if n % 2 else [middle - 1, middle]
        value = math.fsum(values[i] for i in chosen) / len(chosen)
        return Final(value, tuple(judges[i] for i in chosen), _("median of {count} scores").format(count=n))
    gaps = [values[i + 1] - values[i] for i in range(n - 1)]
    smallest = min(gaps)
    tied = [i for i, gap in enumerate(gaps) if gap <= smallest + _TOLERANCE]
    chosen = sorted({k for i in tied for k in (i, i + 1)})
    value = math.fsum(values[i] for i in chosen) / len(chosen)
    if len(tied) == 1:
        reason = _("mean of the two closest of {count} scores (gap {gap})").format(
            count=n, gap=number(smallest)
        )
    else:
        reason = _("{pairs} pairs equally close (gap {gap}): mean of their {chosen} scores").format(
            pairs=len(tied), gap=number(smallest), chosen=len(chosen)
        )
    return Final(value, tuple(judges[i] for i in chosen), reason)


@dataclass(frozen=True)
class Candidate:
    """A judge who may moderate: their id, school and how many entries they already score."""

    judge_id: str
    school: str
    load: int


@dataclass(frozen=True)
class NeedsJudge:
    """An entry to moderate: its code, school and the judges who already have it."""

    code: str
    school: str
    taken: frozenset[str]


def _tiebreak(code: str, judge_id: str) -> str:
    return hashlib.sha256(f"moderate\x00{code}\x00{judge_id}".encode()).hexdigest()


def pick_moderators(
    entries: Sequence[NeedsJudge], judges: Sequence[Candidate]
) -> tuple[dict[str, str], list[str]]:
    """One more judge for each entry: never one who has it already or is from its school.

    Entries with the fewest eligible judges go first; each goes to the eligible judge with the
    fewest moderation entries so far, then the smallest total load, then a stable hash: the same
    input always gives the same plan and the moderation work is spread evenly. Returns the plan
    (entry code -> judge id) and the codes no judge can take.
    """
    moderating: dict[str, int] = {j.judge_id: 0 for j in judges}
    load: Mapping[str, int] = {j.judge_id: j.load for j in judges}
    eligible = {
        e.code: [j for j in judges if j.judge_id not in e.taken and not same_school(j.school, e.school)]
        for e in entries
    }
    plan: dict[str, str] = {}
    impossible: list[str] = []
    for entry in sorted(entries, key=lambda e: (len(eligible[e.code]), e.code)):
        options = eligible[entry.code]
        if not options:
            impossible.append(entry.code)
            continue
        best = min(
            options,
            key=lambda j: (moderating[j.judge_id], load[j.judge_id], _tiebreak(entry.code, j.judge_id)),
        )
        moderating[best.judge_id] += 1
        plan[entry.code] = best.judge_id
    return plan, sorted(impossible)
