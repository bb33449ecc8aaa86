"""How far the judges agree: Krippendorff's alpha (interval) with a bootstrap interval, judge severity.

Alpha is computed by the ``krippendorff`` package (by its closed form only when the package would
need more than ``LIBRARY_CELLS`` cells of memory): judges are the coders, entries the
units, and an entry scored by one judge only adds nothing (alpha needs pairable values). The design
may be incomplete: each judge sees only some entries.

The confidence interval resamples *entries* with replacement (``BOOTSTRAP_SAMPLES`` times, a fixed
seed so the same scores always give the same interval) and takes the 2.5th and 97.5th percentiles
of the resampled alphas (computed in closed form, see ``resampled_alphas``). Resamples where alpha
is undefined (every value equal) are left out and counted.

Severity: for every entry a judge scored that someone else scored too, the judge's score minus the
mean of the *other* judges' scores on it. A judge's severity is the mean of these differences
(negative: harsher than colleagues on the same entries), its standard error the sample standard
deviation of the differences over the square root of their number. Figures for judges with fewer
than ``MIN_SEVERITY_ENTRIES`` such entries are shown but marked as too few to rely on.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

J = TypeVar("J", bound=Hashable)
K = TypeVar("K", bound=Hashable)

BOOTSTRAP_SAMPLES = 1000
CONFIDENCE = 0.95
SEED = 20240430
MIN_SEVERITY_ENTRIES = 5
# The package builds an (entries x distinct values x distinct values) array: above this many cells
# (160 MB of floats) the same figure comes from the closed form of ``resampled_alphas``.
LIBRARY_CELLS = 20_000_000


@dataclass(frozen=True)
class Alpha:
    """Krippendorff's interval alpha of one variable, with its bootstrap interval.

    ``value`` is None when it is undefined (no entry scored by two judges, or every score equal);
    ``low``/``high`` are None when fewer than two resamples gave a value.
    """

    value: float | None
    low: float | None
    high: float | None
    units: int  # entries with at least two scores
    values: int  # pairable scores
    samples: int  # resamples that gave a value
    confidence: float = CONFIDENCE

    def to_json(self) -> dict[str, Any]:
        return {
            "alpha": self.value,
            "ci_low": self.low,
            "ci_high": self.high,
            "confidence": self.confidence,
            "units": self.units,
            "pairable_values": self.values,
            "bootstrap_samples": self.samples,
            "level_of_measurement": "interval",
        }


def _pairable(scores: Mapping[J, Mapping[K, float]]) -> list[list[float]]:
    """Each entry's scores, for the entries that at least two judges scored."""
    per_unit: dict[K, list[float]] = {}
    for by_entry in scores.values():
        for entry, value in by_entry.items():
            per_unit.setdefault(entry, []).append(float(value))
    return [values for values in per_unit.values() if len(values) >= 2]


def library_alpha(units: list[list[float]]) -> float | None:
    """Interval alpha of ``units`` (each entry's scores) by the ``krippendorff`` package."""
    import krippendorff
    import numpy as np

    domain = sorted({v for values in units for v in values})
    if not units or len(domain) < 2:
        return None
    index = {v: i for i, v in enumerate(domain)}
    counts = np.zeros((len(units), len(domain)), dtype=np.int64)
    for row, values in enumerate(units):
        for v in values:
            counts[row, index[v]] += 1
    value = float(
        krippendorff.alpha(
            value_counts=counts, value_domain=np.array(domain), level_of_measurement="interval"
        )
    )
    return value if math.isfinite(value) else None


def resampled_alphas(units: list[list[float]], weights: Any) -> Any:
    """Interval alpha for each row of ``weights`` (how often each unit is drawn), vectorised.

    The interval metric's coincidence sums are additive over units, so with per-unit sums
    ``S1 = sum x``, ``S2 = sum x**2`` and ``m`` values, alpha is
    ``1 - (n - 1) * sum w (m S2 - S1**2) / (m - 1) / (n T2 - T1**2)`` with ``n = sum w m``,
    ``T1 = sum w S1``, ``T2 = sum w S2``: the same figure as the package (a test checks it on
    random data), a thousand resamples in milliseconds instead of minutes. NaN where undefined.
    """
    import numpy as np

    m = np.array([len(v) for v in units], dtype=np.float64)
    s1 = np.array([math.fsum(v) for v in units])
    s2 = np.array([math.fsum(x * x for x in v) for v in units])
    within = (m * s2 - s1 * s1) / (m - 1)
    w = np.asarray(weights, dtype=np.float64)
    n = w @ m
    t1 = w @ s1
    t2 = w @ s2
    expected = n * t2 - t1 * t1
    with np.errstate(divide="ignore", invalid="ignore"):
        result = 1 - (n - 1) * (w @ within) / expected
    return np.where(expected > 1e-9 * np.maximum(1.0, n * t2), result, np.nan)


def interval_alpha(
    scores: Mapping[J, Mapping[K, float]],
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = SEED,
) -> Alpha:
    """Alpha of ``scores`` (judge -> entry -> value) with a bootstrap interval over entries."""
    import numpy as np

    units = _pairable(scores)
    pairable = sum(len(v) for v in units)
    distinct = len({v for values in units for v in values})
    if len(units) * distinct * distinct <= LIBRARY_CELLS:
        value = library_alpha(units)
    else:  # the package would need an entries x values x values array: same figure, closed form
        closed = float(resampled_alphas(units, np.ones((1, len(units))))[0]) if units else math.nan
        value = closed if math.isfinite(closed) else None
    if value is None or samples <= 0:
        return Alpha(value, None, None, len(units), pairable, 0, confidence)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(units), size=(samples, len(units)))
    offsets = (np.arange(samples) * len(units))[:, np.newaxis]
    weights = np.bincount((draws + offsets).ravel(), minlength=samples * len(units))
    weights = weights.reshape(samples, len(units))
    found = resampled_alphas(units, weights)
    found = found[np.isfinite(found)]
    if found.size < 2:
        return Alpha(value, None, None, len(units), pairable, int(found.size), confidence)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(found, [tail, 100 - tail])
    return Alpha(value, float(low), float(high), len(units), pairable, int(found.size), confidence)


@dataclass(frozen=True)
class Severity:
    """A judge's mean difference from colleagues on shared entries, its standard error and count."""

    value: float | None
    se: float | None
    entries: int
    enough: bool  # at least ``MIN_SEVERITY_ENTRIES`` shared entries


def severities(
    scores: Mapping[J, Mapping[K, float]], min_entries: int = MIN_SEVERITY_ENTRIES
) -> dict[J, Severity]:
    """Severity of every judge of ``scores`` (judge -> entry -> value); see the module notes."""
    per_entry: dict[K, list[tuple[J, float]]] = {}
    for judge, by_entry in scores.items():
        for entry, value in by_entry.items():
            per_entry.setdefault(entry, []).append((judge, value))
    result: dict[J, Severity] = {}
    for judge, by_entry in scores.items():
        diffs: list[float] = []
        for entry, value in by_entry.items():
            others = [v for j, v in per_entry[entry] if j != judge]
            if others:
                diffs.append(value - math.fsum(others) / len(others))
        n = len(diffs)
        mean = math.fsum(diffs) / n if n else None
        se = None
        if mean is not None and n >= 2:
            var = math.fsum((d - mean) ** 2 for d in diffs) / (n - 1)
            se = math.sqrt(var / n)
        result[judge] = Severity(mean, se, n, n >= min_entries)
    return result


def connected_groups(pairs: list[tuple[J, K]]) -> list[tuple[frozenset[J], frozenset[K]]]:
    """The connected groups of the judge–entry network (a judge and an entry meet when assigned).

    Severity and normalisation compare judges only through shared entries: judges in different
    groups cannot be compared. Groups come largest first.
    """
    parent: dict[tuple[int, Hashable], tuple[int, Hashable]] = {}

    def find(node: tuple[int, Hashable]) -> tuple[int, Hashable]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for judge, entry in pairs:
        a, b = find((0, judge)), find((1, entry))
        if a != b:
            parent[a] = b
    groups: dict[tuple[int, Hashable], tuple[set[Any], set[Any]]] = {}
    for node in list(parent):
        root = find(node)
        judges, entries = groups.setdefault(root, (set(), set()))
        (judges if node[0] == 0 else entries).add(node[1])
    ordered = sorted(groups.values(), key=lambda g: (-len(g[0]) - len(g[1]), sorted(map(str, g[0]))))
    return [(frozenset(j), frozenset(e)) for j, e in ordered]
