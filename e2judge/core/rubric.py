"""Rubric rules: criteria, levels, allowed points and the weighted total.

An entry's weighted total is Σ points × weight over the criteria, out of Σ max × weight.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from e2judge.core import limits
from e2judge.core.i18n import _, number, numbers


class CommentRule(StrEnum):
    """When a criterion requires a comment from the judge."""

    NEVER = "never"
    ALWAYS = "always"
    LOWEST = "lowest"  # when the lowest level (or 0) is given
    HIGHEST = "highest"  # when the highest level (or max) is given
    EXTREMES = "extremes"  # lowest or highest


def _dec(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def is_multiple(value: float, step: float) -> bool:
    """Whether ``value`` is a whole multiple of ``step`` (decimal-exact, so 0.1 steps work)."""
    try:
        return (_dec(value) % _dec(step)) == 0
    except InvalidOperation:
        return False


@dataclass(frozen=True)
class Level:
    """One ordered level of a criterion with its points and descriptor."""

    points: float
    descriptor: str


@dataclass(frozen=True)
class Criterion:
    """One rubric criterion."""

    id: str
    section: str
    title: str
    description: str
    max_points: float
    step: float = 1.0
    weight: float = 1.0
    levels: tuple[Level, ...] = ()
    comment_rule: CommentRule = CommentRule.NEVER

    @property
    def weighted_max(self) -> float:
        return self.max_points * self.weight

    def allowed_points(self) -> list[float]:
        """Every value a judge may give: the levels' points, else 0..max in steps."""
        if self.levels:
            return sorted({lv.points for lv in self.levels})
        count = int((_dec(self.max_points) / _dec(self.step)).to_integral_value())
        return [float(_dec(self.step) * i) for i in range(count + 1)]

    def check_points(self, points: float) -> str | None:
        """None when ``points`` is allowed, else a message saying why not."""
        if points < 0:
            return _("{value} is below the minimum 0").format(value=number(points))
        if points > self.max_points:
            return _("{value} is above the maximum {maximum}").format(
                value=number(points), maximum=number(self.max_points)
            )
        if self.levels:
            if points not in {lv.points for lv in self.levels}:
                return _("{value} is not one of the levels ({allowed})").format(
                    value=number(points), allowed=numbers(self.allowed_points())
                )
        elif not is_multiple(points, self.step):
            return _("{value} is not a multiple of the step {step}").format(
                value=number(points), step=number(self.step)
            )
        return None

    def level_for(self, points: float | None) -> Level | None:
        """The level whose points equal ``points``, if any."""
        if points is None:
            return None
        for level in self.levels:
            if level.points == points:
                return level
        return None

    def comment_required(self, points: float | None) -> bool:
        """Whether this score needs a comment under the criterion's rule."""
        if points is None or self.comment_rule is CommentRule.NEVER:
            return False
        if self.comment_rule is CommentRule.ALWAYS:
            return True
        allowed = self.allowed_points()
        lowest, highest = allowed[0], allowed[-1]
        if self.comment_rule is CommentRule.LOWEST:
            return points == lowest
        if self.comment_rule is CommentRule.HIGHEST:
            return points == highest
        return points in (lowest, highest)


@dataclass(frozen=True)
class Rubric:
    """An ordered list of criteria, grouped by section in order of first appearance."""

    criteria: tuple[Criterion, ...]
    sections: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        seen: dict[str, None] = {}
        for c in self.criteria:
            seen.setdefault(c.section, None)
        object.__setattr__(self, "sections", tuple(seen))

    @property
    def max_total(self) -> float:
        return sum(c.max_points for c in self.criteria)

    @property
    def max_weighted(self) -> float:
        return sum(c.weighted_max for c in self.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def in_section(self, section: str) -> list[Criterion]:
        return [c for c in self.criteria if c.section == section]

    def to_json(self) -> dict[str, Any]:
        """The rubric as plain JSON data (the form used in batches and sheets)."""
        return {
            "criteria": [
                {
                    "id": c.id,
                    "section": c.section,
                    "title": c.title,
                    "description": c.description,
                    "max_points": float(c.max_points),
                    "step": float(c.step),
                    "weight": float(c.weight),
                    "comment_rule": c.comment_rule.value,
                    "levels": [{"points": float(lv.points), "descriptor": lv.descriptor} for lv in c.levels],
                }
                for c in self.criteria
            ]
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Rubric:
        return cls(
            tuple(
                Criterion(
                    id=str(c["id"]),
                    section=str(c["section"]),
                    title=str(c["title"]),
                    description=str(c.get("description", "")),
                    max_points=float(c["max_points"]),
                    step=float(c.get("step", 1.0)),
                    weight=float(c.get("weight", 1.0)),
                    levels=tuple(
                        Level(float(lv["points"]), str(lv["descriptor"])) for lv in c.get("levels", [])
                    ),
                    comment_rule=CommentRule(c.get("comment_rule", "never")),
                )
                for c in data["criteria"]
            )
        )

    def sha256(self) -> str:
        """A stable hash of the rubric's content (canonical JSON)."""
        return hashlib.sha256(canonical_json(self.to_json())).hexdigest()


# ------------------------------------------------------------------------------------ invariants


@dataclass(frozen=True)
class RubricProblem:
    """One broken rubric rule: which criterion (position, or None for the whole rubric), which
    field (``max_points``, ``step``, ``weight``, ``levels``, ``id``, ``section``, ``title``,
    ``description``, or "" for the criterion as a whole) and why."""

    position: int | None
    field: str
    message: str


def level_problem(points: float, max_points: float, step: float) -> str | None:
    """None when a level's ``points`` fit its criterion (0..max, a multiple of the step)."""
    if not math.isfinite(points):
        return _("{value} is not a finite number").format(value=points)
    if not 0 <= points <= max_points:
        return _("{value} is outside 0..{maximum}").format(value=number(points), maximum=number(max_points))
    if not is_multiple(points, step):
        return _("{value} is not a multiple of the step {step}").format(
            value=number(points), step=number(step)
        )
    return None


def _scale_problems(c: Criterion) -> list[tuple[str, str]]:
    """Problems of max_points, step and weight: finite, in range, a whole number of steps."""
    found: list[tuple[str, str]] = []
    bad: dict[str, str] = {}
    for key, value, high in (
        ("max_points", c.max_points, limits.MAX_POINTS),
        ("step", c.step, limits.MAX_POINTS),
        ("weight", c.weight, limits.MAX_WEIGHT),
    ):
        problem = limits.number_problem(value, 0.0, high, low_open=True)
        if problem:
            bad[key] = problem
            shown = number(value) if math.isfinite(value) else str(value)
            found.append((key, _("{key} {value} {problem}").format(key=key, value=shown, problem=problem)))
    if "max_points" in bad or "step" in bad:
        return found
    if not is_multiple(c.max_points, c.step):
        found.append(
            (
                "step",
                _("step {step} does not divide max_points {maximum}").format(
                    step=number(c.step), maximum=number(c.max_points)
                ),
            )
        )
    elif _dec(c.max_points) / _dec(c.step) > limits.MAX_CHOICES:
        found.append(
            (
                "step",
                _("step {step} gives more than {count} possible scores; use a larger step").format(
                    step=number(c.step), count=limits.MAX_CHOICES
                ),
            )
        )
    elif c.step < limits.MIN_STEP:
        found.append(
            (
                "step",
                _("step {step} is finer than {minimum}; points are kept to 3 decimals").format(
                    step=repr(c.step), minimum=number(limits.MIN_STEP)
                ),
            )
        )
    return found


def criterion_problems(c: Criterion) -> list[tuple[str, str]]:
    """Every broken rule of one criterion as (field, message); empty when it is sound."""
    found: list[tuple[str, str]] = []
    bad_id = limits.id_problem(c.id)
    if bad_id:
        found.append(("id", _("criterion_id '{value}' {problem}").format(value=c.id[:80], problem=bad_id)))
    for name, value, limit in (
        ("section", c.section, limits.MAX_LINE),
        ("title", c.title, limits.MAX_LINE),
        ("description", c.description, limits.MAX_TEXT),
    ):
        too_long = limits.text_problem(value, limit)
        if too_long:
            found.append((name, _("{key} {problem}").format(key=name, problem=too_long)))
    scale = _scale_problems(c)
    found += scale
    if len(c.levels) > limits.MAX_LEVELS:
        found.append(
            ("levels", _("more than {count} levels").format(count=limits.MAX_LEVELS)),
        )
    elif not any(f in ("max_points", "step") for f, _m in scale):
        seen: set[float] = set()
        for level in c.levels:
            bad = level_problem(level.points, c.max_points, c.step)
            if bad is None and level.points in seen:
                bad = _("{value} points appear twice").format(value=number(level.points))
            if bad is None:
                bad = limits.text_problem(level.descriptor, limits.MAX_TEXT)
            if bad:
                found.append(("levels", _("level {problem}").format(problem=bad)))
                break
            seen.add(level.points)
    return found


def rubric_problems(rubric: Rubric) -> list[RubricProblem]:
    """Every broken rule of a rubric: its criteria one by one, their count and unique ids."""
    found: list[RubricProblem] = []
    if not 1 <= len(rubric.criteria) <= limits.MAX_CRITERIA:
        found.append(
            RubricProblem(
                None, "", _("a rubric needs 1 to {count} criteria").format(count=limits.MAX_CRITERIA)
            )
        )
    seen: set[str] = set()
    for position, c in enumerate(rubric.criteria):
        found += [RubricProblem(position, f, m) for f, m in criterion_problems(c)]
        key = c.id.casefold()
        if key in seen:
            twice = _("criterion_id '{value}' is used twice").format(value=c.id[:80])
            found.append(RubricProblem(position, "id", twice))
        seen.add(key)
    return found


def canonical_json(data: Any) -> bytes:
    """Canonical UTF-8 JSON bytes: sorted keys, no insignificant white space."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def format_points(value: float) -> str:
    """Points as a short string: 3, 2.5 (no trailing zeros)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


@dataclass(frozen=True)
class Totals:
    """Running totals for one entry's scores."""

    raw: float
    raw_max: float
    weighted: float
    weighted_max: float
    scored: int
    criteria: int

    @property
    def percent(self) -> float:
        return 100.0 * self.weighted / self.weighted_max if self.weighted_max else 0.0

    @property
    def complete(self) -> bool:
        return self.scored == self.criteria


def totals(rubric: Rubric, points: Mapping[str, float | None]) -> Totals:
    """Totals over the criteria; criteria absent or None are not scored and count as nothing."""
    raw = weighted = 0.0
    scored = 0
    for c in rubric.criteria:
        p = points.get(c.id)
        if p is None:
            continue
        scored += 1
        raw += p
        weighted += p * c.weight
    return Totals(raw, rubric.max_total, weighted, rubric.max_weighted, scored, len(rubric.criteria))


def missing_comments(
    rubric: Rubric, points: Mapping[str, float | None], comments: Mapping[str, str]
) -> list[str]:
    """Ids of criteria whose score requires a comment that is empty."""
    return [
        c.id
        for c in rubric.criteria
        if c.comment_required(points.get(c.id)) and not comments.get(c.id, "").strip()
    ]


def criteria_ids(criteria: Iterable[Criterion]) -> list[str]:
    return [c.id for c in criteria]
