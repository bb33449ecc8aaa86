"""The organizer's results for one round, as plain records: what ``services.org.results`` computes
and the results workbook and PDF lay out (neither of them imports the use case).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from e2judge.core.agreement import Alpha
from e2judge.core.moderation import DEFAULT_RULE
from e2judge.core.rubric import Rubric

__all__ = ["Agreement", "DetailRow", "EntryResult", "JudgeResult", "JudgeScore", "Results"]


@dataclass(frozen=True)
class JudgeScore:
    """One judge's weighted total for an entry."""

    judge_key: str
    weighted: float


@dataclass(frozen=True)
class EntryResult:
    """Figures for one entry (None where no judge returned a complete score)."""

    code: str
    title: str
    authors: str
    school: str
    province: str
    category: str
    assigned: int
    returned: int
    conflicted: int
    totals: tuple[JudgeScore, ...]
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    spread: float | None
    normalised: float | None
    normalised_fallback: bool
    discrepancy: bool
    rank: int | None
    # The final score under the round's moderation rule, whose scores counted and why.
    final: float | None = None
    counted: tuple[str, ...] = ()
    final_reason: str = ""
    moderated_by: tuple[str, ...] = ()  # judges added by org moderate

    @property
    def missing(self) -> int:
        return max(0, self.assigned - self.returned - self.conflicted)


@dataclass(frozen=True)
class JudgeResult:
    """Figures for one judge."""

    judge_key: str
    name: str
    assigned: int
    scored: int
    conflicts: int
    mean: float | None
    sd: float | None
    severity: float | None  # judge mean minus the overall mean
    last_revision: int | None
    missing: tuple[str, ...]
    normalised: bool  # z-scored (False: fewer than the minimum of scores, or no spread)
    fingerprint: str
    key_source: str
    # Severity against colleagues on the same entries (e2judge.core.agreement): mean difference,
    # its standard error and the number of shared entries behind it.
    severity_vs_peers: float | None = None
    severity_se: float | None = None
    severity_entries: int = 0
    too_few_entries: bool = False  # fewer complete scores than the minimum: not normalised
    severity_reliable: bool = False  # at least the minimum of shared entries behind the severity

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "missing": list(self.missing)}


@dataclass(frozen=True)
class Agreement:
    """How far the judges agree: interval alpha over the weighted totals and per criterion."""

    overall: Alpha
    criteria: tuple[tuple[str, Alpha], ...]
    min_entries: int

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_json(),
            "criteria": {key: a.to_json() for key, a in self.criteria},
            "min_entries_per_judge": self.min_entries,
        }


@dataclass(frozen=True)
class DetailRow:
    """One judge's sheet line for one entry."""

    code: str
    title: str
    judge_key: str
    judge_name: str
    points: tuple[float | None, ...]  # in rubric order
    comments: tuple[str, ...]
    weighted: float | None
    complete: bool
    conflict_reason: str | None
    overall_comment: str
    revision: int


@dataclass(frozen=True)
class Results:
    """Everything ``org results`` reports for one round."""

    contest_key: str
    contest_name: str
    round_name: str
    rubric: Rubric
    threshold: float
    rank_by: str
    overall_mean: float | None
    entries: tuple[EntryResult, ...]
    judges: tuple[JudgeResult, ...]
    details: tuple[DetailRow, ...]
    agreement: Agreement | None = None
    moderation_rule: str = DEFAULT_RULE

    @property
    def weighted_max(self) -> float:
        return self.rubric.max_weighted

    def to_json(self) -> dict[str, Any]:
        def entry(e: EntryResult) -> dict[str, Any]:
            data = {k: v for k, v in e.__dict__.items() if k != "totals"}
            data["totals"] = {t.judge_key: t.weighted for t in e.totals}
            data["scores"] = [
                {
                    "judge": t.judge_key,
                    "weighted": t.weighted,
                    "counted": t.judge_key in e.counted,
                    "moderator": t.judge_key in e.moderated_by,
                }
                for t in e.totals
            ]
            return data

        return {
            "contest": self.contest_key,
            "contest_name": self.contest_name,
            "round": self.round_name,
            "weighted_max": self.weighted_max,
            "discrepancy_threshold": self.threshold,
            "rank_by": self.rank_by,
            "moderation_rule": self.moderation_rule,
            "overall_mean": self.overall_mean,
            "entries": [entry(e) for e in self.entries],
            "judges": [j.to_json() for j in self.judges],
            "agreement": None if self.agreement is None else self.agreement.to_json(),
        }
