"""The assignment preview: per judge, the load and the entries per category and province."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from e2judge.core.assignment import AssignmentImpossible, Move, apply_moves, assign
from e2judge.core.contest import ContestSpec
from e2judge.core.text import same_school


@dataclass(frozen=True)
class JudgePlan:
    """One judge's line in the preview."""

    judge_id: str
    name: str
    school: str
    load: int
    categories: tuple[tuple[str, int], ...]
    provinces: tuple[tuple[str, int], ...]
    own_school_avoided: int  # entries of the judge's own school that were not given to them


def plan_for(spec: ContestSpec, per_entry: int, moves: Sequence[Move] = ()) -> dict[str, list[str]] | None:
    """The plan ``org build`` would sign with these moves (None when none can be made;
    ``MoveRefused`` when a move breaks a rule)."""
    try:
        planned = assign(spec.entries, spec.judges, per_entry)
    except AssignmentImpossible:
        return None
    return apply_moves(planned, spec.entries, spec.judges, moves)


def preview(spec: ContestSpec, plan: dict[str, list[str]] | None) -> list[JudgePlan]:
    """The plan, per judge (empty without a plan)."""
    if plan is None:
        return []
    entries = {e.code: e for e in spec.entries}
    rows = []
    for judge in spec.judges:
        codes = plan[judge.judge_id]
        categories = Counter(entries[c].category or "—" for c in codes)
        provinces = Counter(entries[c].province or "—" for c in codes)
        avoided = sum(1 for e in spec.entries if same_school(e.school, judge.school))
        rows.append(
            JudgePlan(
                judge.judge_id,
                judge.name,
                judge.school,
                len(codes),
                tuple(sorted(categories.items())),
                tuple(sorted(provinces.items())),
                avoided,
            )
        )
    return rows


def counts_text(counts: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts)
