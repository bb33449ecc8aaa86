"""Statistics for results: mean, median, spread, per-judge z-score normalisation, ranks with ties.

Normalisation follows Evalato's documented method: each judge's scores become z-scores
``(x - mean_j) / sd_j`` (population standard deviation); an entry's z-scores are averaged; the averages
are then shifted and scaled so that their minimum and maximum equal the minimum and maximum of the
same entries' raw means. A judge with fewer than 2 scores or zero spread cannot be normalised: their
scores are left out of the z-averages, and an entry scored only by such judges keeps its raw mean.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

J = TypeVar("J", bound=Hashable)
K = TypeVar("K", bound=Hashable)

MIN_ENTRIES = 2
_EPS = 1e-12
RANK_DIGITS = 9  # values equal to this many decimals share a rank


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean; None for no values."""
    return math.fsum(values) / len(values) if values else None


def median(values: Sequence[float]) -> float | None:
    """Median (mean of the two middle values for an even count); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def spread(values: Sequence[float]) -> float | None:
    """Maximum minus minimum; None for no values."""
    return max(values) - min(values) if values else None


def pstdev(values: Sequence[float]) -> float | None:
    """Population standard deviation (divides by n); None for no values."""
    m = mean(values)
    if m is None:
        return None
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / len(values))


@dataclass(frozen=True)
class Normalised(Generic[J, K]):
    """Normalised score per entry; ``fallback`` entries kept their raw mean; ``judges`` were z-scored."""

    scores: dict[K, float]
    fallback: frozenset[K]
    judges: frozenset[J]


def normalise(by_judge: Mapping[J, Mapping[K, float]], min_entries: int = MIN_ENTRIES) -> Normalised[J, K]:
    """Per-judge z-scores averaged per entry and rescaled to the raw range (see the module notes)."""
    raw: dict[K, list[float]] = {}
    zs: dict[K, list[float]] = {}
    usable: set[J] = set()
    for judge, scores in by_judge.items():
        values = list(scores.values())
        for entry, value in scores.items():
            raw.setdefault(entry, []).append(value)
        m, sd = mean(values), pstdev(values)
        if len(values) < min_entries or m is None or sd is None or sd <= _EPS:
            continue
        usable.add(judge)
        for entry, value in scores.items():
            zs.setdefault(entry, []).append((value - m) / sd)
    raw_mean = {entry: math.fsum(v) / len(v) for entry, v in raw.items()}
    z_mean = {entry: math.fsum(v) / len(v) for entry, v in zs.items()}
    result = dict(raw_mean)
    fallback = set(raw_mean) - set(z_mean)
    if z_mean:
        n_min, n_max = min(z_mean.values()), max(z_mean.values())
        s_min = min(raw_mean[e] for e in z_mean)
        s_max = max(raw_mean[e] for e in z_mean)
        if n_max - n_min > _EPS:
            scale = (s_max - s_min) / (n_max - n_min)
            for entry, n in z_mean.items():
                result[entry] = s_min + (n - n_min) * scale
        else:
            fallback |= set(z_mean)
    return Normalised(result, frozenset(fallback), frozenset(usable))


def competition_ranks(values: Mapping[K, float | None], digits: int = RANK_DIGITS) -> dict[K, int | None]:
    """Ranks, highest first, with ties sharing a rank and the next rank skipped (1, 2, 2, 4).

    Values equal when rounded to ``digits`` decimals tie; None gets no rank.
    """
    ranked = sorted(
        ((round(v, digits), k) for k, v in values.items() if v is not None), key=lambda item: -item[0]
    )
    result: dict[K, int | None] = dict.fromkeys(values)
    previous: float | None = None
    rank = 0
    for position, (value, key) in enumerate(ranked, start=1):
        if previous is None or value != previous:
            rank = position
            previous = value
        result[key] = rank
    return result
