"""Balanced, deterministic assignment of entries to judges, never to a judge of the entry's own school."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from e2judge.core.contest import EntrySpec, JudgeSpec
from e2judge.core.errors import Problem
from e2judge.core.i18n import _
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
        problems.append(Problem("--judges-per-entry", _("must be at least 1")))
    if per_entry > len(judges):
        problems.append(
            Problem(
                "Judges",
                _("{count} judges listed, fewer than the {needed} needed per entry").format(
                    count=len(judges), needed=per_entry
                ),
            )
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
                    _("Entries (entry {code})").format(code=entry.code),
                    _("only {count} judges are not from its school, {needed} needed").format(
                        count=len(eligible), needed=per_entry
                    ),
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
            [Problem(_("assignment"), _("school conflicts prevent loads within one entry of each other"))]
        )
    return plan


@dataclass(frozen=True)
class Move:
    """The organizer moved ``code`` from judge ``source`` to judge ``target`` by hand."""

    code: str
    source: str
    target: str
    actor: str = ""


class MoveRefused(Exception):
    """A manual move breaks a rule; ``reason`` says which, for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def move_entry(
    plan: dict[str, list[str]], entries: Sequence[EntrySpec], judges: Sequence[JudgeSpec], move: Move
) -> dict[str, list[str]]:
    """The plan with ``move`` applied (a new dict); ``MoveRefused`` when it breaks a rule."""
    entry = next((e for e in entries if e.code == move.code), None)
    target = next((j for j in judges if j.judge_id == move.target), None)
    if entry is None or move.code not in plan.get(move.source, []):
        raise MoveRefused(
            _("entry {code} is not assigned to judge {judge}").format(code=move.code, judge=move.source)
        )
    if target is None:
        raise MoveRefused(_("there is no judge {judge}").format(judge=move.target))
    if move.code in plan.get(move.target, []):
        raise MoveRefused(
            _("judge {judge} already scores entry {code}").format(judge=move.target, code=move.code)
        )
    if same_school(target.school, entry.school):
        raise MoveRefused(
            _(
                "judge {judge} is from the entry's own school ({school}); judges never score their own school"
            ).format(judge=move.target, school=entry.school)
        )
    moved = {judge: list(codes) for judge, codes in plan.items()}
    moved[move.source].remove(move.code)
    moved[move.target].append(move.code)
    return moved


def apply_moves(
    plan: dict[str, list[str]],
    entries: Sequence[EntrySpec],
    judges: Sequence[JudgeSpec],
    moves: Sequence[Move],
) -> dict[str, list[str]]:
    """The plan after every move in order (``MoveRefused`` at the first that breaks a rule)."""
    for move in moves:
        plan = move_entry(plan, entries, judges, move)
    return plan
