"""Results statistics: mean, median, spread, SD, Evalato-style normalisation and ranks with ties."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from e2judge.core.stats import competition_ranks, mean, median, normalise, pstdev, spread


def test_basic_figures() -> None:
    assert mean([]) is None and median([]) is None and spread([]) is None and pstdev([]) is None
    assert mean([1.0, 2.0, 6.0]) == 3.0
    assert median([5.0, 1.0, 3.0]) == 3.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert spread([7.5, 2.0, 4.0]) == 5.5
    assert pstdev([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]) == 2.0  # population SD, divides by n
    assert pstdev([3.0]) == 0.0


@given(st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False), min_size=1, max_size=30))
def test_figures_agree_with_the_standard_library(values: list[float]) -> None:
    assert mean(values) == pytest.approx(statistics.fmean(values))
    assert median(values) == pytest.approx(statistics.median(values))
    assert pstdev(values) == pytest.approx(statistics.pstdev(values), abs=1e-9)


def test_ranks_with_ties_skip_the_next_rank() -> None:
    assert competition_ranks({"a": 9.0, "b": 7.0, "c": 7.0, "d": 5.0, "e": None}) == {
        "a": 1, "b": 2, "c": 2, "d": 4, "e": None
    }
    assert competition_ranks({"a": 1.0, "b": 1.0, "c": 1.0}) == {"a": 1, "b": 1, "c": 1}
    assert competition_ranks({}) == {}


def test_float_noise_does_not_break_a_tie() -> None:
    third = (0.1 + 0.2 + 0.3) / 3  # 0.19999999999999998
    assert competition_ranks({"a": third, "b": 0.2, "c": 0.1}) == {"a": 1, "b": 1, "c": 3}


@given(st.dictionaries(st.integers(0, 50), st.one_of(st.none(), st.integers(0, 10).map(float)), max_size=20))
def test_rank_is_one_plus_the_number_strictly_better(values: dict[int, float | None]) -> None:
    ranks = competition_ranks(values)
    for key, value in values.items():
        if value is None:
            assert ranks[key] is None
        else:
            assert ranks[key] == 1 + sum(1 for v in values.values() if v is not None and v > value)


def test_normalisation_by_hand() -> None:
    # A is lenient, B is harsh; both have the same spread. Entry e1 is scored by both.
    result = normalise({"A": {"e1": 8.0, "e2": 6.0, "e3": 10.0}, "B": {"e1": 4.0, "e4": 2.0, "e5": 6.0}})
    # z-scores: A: e1 0, e2 -k, e3 +k; B: e1 0, e4 -k, e5 +k (k = 2 / sqrt(8/3)).
    # Raw means 6, 6, 10, 2, 6 -> range 2..10; z-means -k..+k map onto it.
    assert result.scores == pytest.approx({"e1": 6.0, "e2": 2.0, "e3": 10.0, "e4": 2.0, "e5": 10.0})
    assert result.fallback == frozenset()
    assert result.judges == frozenset({"A", "B"})


def test_judges_that_cannot_be_normalised_keep_raw_scores() -> None:
    result = normalise({
        "A": {"e1": 8.0, "e2": 6.0, "e3": 10.0},
        "C": {"e6": 7.0},  # fewer than 2 entries
        "D": {"e7": 5.0, "e8": 5.0},  # no spread
    })
    assert result.judges == frozenset({"A"})
    assert result.fallback == frozenset({"e6", "e7", "e8"})
    assert result.scores["e6"] == 7.0 and result.scores["e7"] == 5.0 and result.scores["e8"] == 5.0
    assert result.scores["e2"] == pytest.approx(6.0) and result.scores["e3"] == pytest.approx(10.0)


def test_a_judge_without_spread_does_not_move_an_entry_scored_by_a_normalised_judge() -> None:
    result = normalise({"A": {"e1": 8.0, "e2": 6.0}, "D": {"e1": 5.0, "e3": 5.0}})
    assert "e1" not in result.fallback and "e3" in result.fallback
    # e1's z-mean uses A only (z = +1); the rescale maps it to the top of the raw means of e1, e2.
    assert result.scores["e1"] == pytest.approx(6.5)  # raw mean of e1 is (8 + 5) / 2
    assert result.scores["e2"] == pytest.approx(6.0)


def test_nothing_to_normalise() -> None:
    assert normalise({}).scores == {}
    single = normalise({"A": {"e1": 3.0, "e2": 3.0}})
    assert single.scores == {"e1": 3.0, "e2": 3.0} and single.fallback == frozenset({"e1", "e2"})


scores = st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 2))
entry_names = st.sampled_from([f"e{i}" for i in range(12)])
judge_scores = st.dictionaries(entry_names, scores, max_size=8)
panels = st.dictionaries(st.sampled_from("ABCDE"), judge_scores, min_size=1)


@settings(max_examples=200, deadline=None)
@given(panels)
def test_normalised_scores_span_exactly_the_raw_range(panel: dict[str, dict[str, float]]) -> None:
    result = normalise(panel)
    raw: dict[str, list[float]] = {}
    for judge_scores in panel.values():
        for entry, value in judge_scores.items():
            raw.setdefault(entry, []).append(value)
    assert set(result.scores) == set(raw)
    scaled = [e for e in result.scores if e not in result.fallback]
    for entry in result.fallback:
        assert result.scores[entry] == pytest.approx(statistics.fmean(raw[entry]))
    if scaled:
        means = [statistics.fmean(raw[e]) for e in scaled]
        assert min(result.scores[e] for e in scaled) == pytest.approx(min(means), abs=1e-6)
        assert max(result.scores[e] for e in scaled) == pytest.approx(max(means), abs=1e-6)
    assert all(math.isfinite(v) for v in result.scores.values())


disjoint_panels = st.dictionaries(
    st.sampled_from("ABCD"), st.lists(scores, min_size=2, max_size=6), min_size=1
).map(lambda d: {j: {f"{j}{i}": v for i, v in enumerate(vs)} for j, vs in d.items()})


@settings(max_examples=150, deadline=None)
@given(disjoint_panels, st.floats(min_value=0.1, max_value=10), st.floats(min_value=-50, max_value=50))
def test_a_judges_leniency_and_scale_do_not_change_the_normalised_order(
    panel: dict[str, dict[str, float]], factor: float, shift: float
) -> None:
    """Each entry scored by one judge: z-scores ignore a judge's shift and scale, so order stays."""
    judge = sorted(panel)[0]
    moved = {**panel, judge: {e: v * factor + shift for e, v in panel[judge].items()}}
    before, after = normalise(panel), normalise(moved)
    if before.fallback or after.fallback:
        return
    for e in before.scores:
        for f in before.scores:
            if before.scores[e] < before.scores[f] - 1e-6:
                assert after.scores[e] <= after.scores[f] + 1e-6
