"""Agreement figures: Krippendorff's alpha against his published example and the package; severity."""

from __future__ import annotations

import math
import random

import krippendorff
import numpy as np
import pytest

from e2judge.core import agreement
from e2judge.core.agreement import (
    LIBRARY_CELLS,
    connected_groups,
    interval_alpha,
    library_alpha,
    resampled_alphas,
    severities,
)

NAN = math.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers x 12 units
# reliability data matrix with missing values (unit 12 has one value only and is not pairable).
# Published: nominal .743, ordinal .815, interval .849, ratio .797.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


def as_scores(matrix: list[list[float]]) -> dict[str, dict[int, float]]:
    return {
        f"observer{i}": {u: float(v) for u, v in enumerate(row) if not math.isnan(v)}
        for i, row in enumerate(matrix)
    }


def pairwise_alpha(units: list[list[float]]) -> float:
    """Interval alpha straight from Krippendorff's definition, pair by pair (for the test only)."""
    n = sum(len(u) for u in units)
    d_o = sum(
        sum((a - b) ** 2 for i, a in enumerate(u) for j, b in enumerate(u) if i != j) / (len(u) - 1)
        for u in units
    ) / n
    values = [v for u in units for v in u]
    d_e = sum((a - b) ** 2 for i, a in enumerate(values) for j, b in enumerate(values) if i != j) / (
        n * (n - 1)
    )
    return 1 - d_o / d_e


def test_krippendorffs_published_example() -> None:
    result = interval_alpha(as_scores(KRIPPENDORFF_2011))
    assert round(result.value or 0, 3) == 0.849
    assert result.units == 11 and result.values == 40  # unit 12 is not pairable
    package = krippendorff.alpha(KRIPPENDORFF_2011, level_of_measurement="interval")
    assert result.value == pytest.approx(package)
    units = [[v for v in col if not math.isnan(v)] for col in zip(*KRIPPENDORFF_2011, strict=True)]
    units = [u for u in units if len(u) >= 2]
    assert result.value == pytest.approx(pairwise_alpha(units))
    # The same data at the other levels, as published (the package's own figures).
    for level, published in (("nominal", 0.743), ("ordinal", 0.815), ("ratio", 0.797)):
        assert round(krippendorff.alpha(KRIPPENDORFF_2011, level_of_measurement=level), 3) == published
    assert result.low is not None and result.high is not None
    assert result.low < result.value <= result.high <= 1.0


@pytest.mark.parametrize("seed", range(8))
def test_closed_form_and_resamples_match_the_package_on_random_data(seed: int) -> None:
    rng = random.Random(seed)
    judges, entries = rng.randint(3, 9), rng.randint(5, 40)
    step = rng.choice([1.0, 0.5, 0.25])
    scores: dict[int, dict[int, float]] = {}
    for e in range(entries):
        quality = rng.uniform(2, 18)
        for j in rng.sample(range(judges), rng.randint(1, min(4, judges))):
            scores.setdefault(j, {})[e] = round((quality + rng.gauss(0, 3)) / step) * step
    result = interval_alpha(scores, samples=50)
    matrix = [[scores.get(j, {}).get(e, NAN) for e in range(entries)] for j in range(judges)]
    pairable = sum(1 for e in range(entries) if sum(e in s for s in scores.values()) >= 2)
    if pairable == 0:
        assert result.value is None
        return
    expected = krippendorff.alpha(matrix, level_of_measurement="interval")
    assert result.value == pytest.approx(expected)
    # A resample is the data with units repeated: check the vectorised form on one against the package.
    units = [[s[e] for s in scores.values() if e in s] for e in range(entries)]
    units = [u for u in units if len(u) >= 2]
    weights = np.array([[rng.randint(0, 3) for _ in units]], dtype=float)
    repeated = [u for u, w in zip(units, weights[0], strict=True) for _ in range(int(w))]
    got = float(resampled_alphas(units, weights)[0])
    if len({v for u in repeated for v in u}) >= 2:
        assert got == pytest.approx(library_alpha(repeated))
    assert float(resampled_alphas(units, np.ones((1, len(units))))[0]) == pytest.approx(expected)


def test_the_interval_is_reproducible_and_narrows_with_more_entries() -> None:
    rng = random.Random(3)

    def panel(entries: int) -> dict[int, dict[int, float]]:
        scores: dict[int, dict[int, float]] = {}
        for e in range(entries):
            quality = rng.uniform(20, 80)
            for j in rng.sample(range(6), 2):
                scores.setdefault(j, {})[e] = round(quality + rng.gauss(0, 8))
        return scores

    small, large = panel(15), panel(400)
    a, b = interval_alpha(small), interval_alpha(small)
    assert a == b  # fixed seed: the same scores always give the same interval
    c = interval_alpha(large)
    assert a.low is not None and a.high is not None and c.low is not None and c.high is not None
    assert c.high - c.low < a.high - a.low
    assert c.low < (c.value or 0) < c.high
    assert c.samples == 1000


def test_the_closed_form_stands_in_for_the_package_on_huge_domains(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    entries = 60
    scores: dict[int, dict[int, float]] = {}
    for e in range(entries):
        for j in rng.sample(range(10), 2):
            scores.setdefault(j, {})[e] = rng.uniform(0, 100)  # every value distinct
    calls: list[int] = []
    real = agreement.library_alpha
    monkeypatch.setattr(agreement, "library_alpha", lambda units: calls.append(1) or real(units))
    monkeypatch.setattr(agreement, "LIBRARY_CELLS", entries * 120**2 - 1)  # just too many cells
    result = interval_alpha(scores, samples=0)
    assert calls == []
    matrix = [[scores.get(j, {}).get(e, NAN) for e in range(entries)] for j in range(10)]
    assert result.value == pytest.approx(krippendorff.alpha(matrix, level_of_measurement="interval"))
    monkeypatch.setattr(agreement, "LIBRARY_CELLS", LIBRARY_CELLS)
    assert interval_alpha(scores, samples=0).value == pytest.approx(result.value)
    assert calls == [1]


def test_undefined_alpha() -> None:
    assert interval_alpha({"a": {1: 3.0}, "b": {2: 4.0}}).value is None  # nothing pairable
    same = interval_alpha({"a": {1: 3.0, 2: 3.0}, "b": {1: 3.0, 2: 3.0}})
    assert same.value is None and same.low is None and same.units == 2
    assert interval_alpha({}).value is None


def test_severity_by_hand() -> None:
    scores = {
        "harsh": {"e1": 4.0, "e2": 6.0, "e3": 5.0},
        "kind": {"e1": 8.0, "e2": 9.0, "e4": 7.0},
        "third": {"e1": 6.0, "e3": 7.0},
    }
    result = severities(scores, min_entries=3)
    # harsh: e1 4 - (8+6)/2 = -3; e2 6 - 9 = -3; e3 5 - 7 = -2 -> mean -8/3, sd of (-3,-3,-2) = 0.5774
    assert result["harsh"].value == pytest.approx(-8 / 3)
    assert result["harsh"].se == pytest.approx(math.sqrt(1 / 3) / math.sqrt(3))
    assert result["harsh"].entries == 3 and result["harsh"].enough
    # kind: e1 8 - (4+6)/2 = 3; e2 9 - 6 = 3; e4 alone -> not counted
    assert result["kind"].value == pytest.approx(3.0) and result["kind"].se == pytest.approx(0.0)
    assert result["kind"].entries == 2 and not result["kind"].enough
    assert severities({"solo": {"e1": 5.0}})["solo"] == severities({"solo": {"e1": 5.0}})["solo"]
    assert severities({"solo": {"e1": 5.0}})["solo"].value is None


def test_connected_groups() -> None:
    pairs = [("A", 1), ("B", 1), ("B", 2), ("C", 3), ("D", 3), ("D", 4), ("E", 5)]
    groups = connected_groups(pairs)
    assert groups == [
        (frozenset({"A", "B"}), frozenset({1, 2})),
        (frozenset({"C", "D"}), frozenset({3, 4})),
        (frozenset({"E"}), frozenset({5})),
    ]
    assert len(connected_groups([("A", 1), ("B", 1), ("A", 2), ("B", 2)])) == 1
    assert connected_groups([]) == []
