"""Final scores under each moderation rule, and who moderates which entry."""

from __future__ import annotations

import pytest

from e2judge.core.moderation import Candidate, NeedsJudge, final_score, pick_moderators


def test_mean_all() -> None:
    f = final_score([("A", 10.0), ("B", 18.0), ("C", 12.0)], "mean_all")
    assert f.value == pytest.approx(40 / 3) and sorted(f.counted) == ["A", "B", "C"]
    assert f.reason == "mean of all 3 scores"


def test_median_odd_and_even() -> None:
    f = final_score([("A", 10.0), ("B", 18.0), ("C", 12.0)], "median")
    assert (f.value, f.counted) == (12.0, ("C",))
    f = final_score([("A", 10.0), ("B", 18.0), ("C", 12.0), ("D", 16.0)], "median")
    assert f.value == 14.0 and sorted(f.counted) == ["C", "D"]


def test_closest_two() -> None:
    f = final_score([("A", 10.0), ("B", 18.0), ("C", 12.0)], "closest_two")
    assert f.value == 11.0 and sorted(f.counted) == ["A", "C"]
    assert f.reason == "mean of the two closest of 3 scores (gap 2)"
    # 6, 10, 14: two pairs equally close -> all three count.
    f = final_score([("A", 6.0), ("B", 10.0), ("C", 14.0)], "closest_two")
    assert f.value == 10.0 and sorted(f.counted) == ["A", "B", "C"]
    assert f.reason.startswith("2 pairs equally close (gap 4)")
    # Two scores only: their mean.
    f = final_score([("A", 6.0), ("B", 10.0)], "closest_two")
    assert f.value == 8.0 and sorted(f.counted) == ["A", "B"]
    assert final_score([], "closest_two").value is None
    with pytest.raises(ValueError, match="unknown moderation rule"):
        final_score([("A", 1.0)], "best_of")


def test_moderators_are_new_to_the_entry_never_from_its_school_and_spread_evenly() -> None:
    judges = [Candidate(f"GK{i}", f"Trường {s}", 3) for i, s in ((1, "A"), (2, "B"), (3, "C"))]
    entries = [
        NeedsJudge("E1", "Trường A", frozenset({"GK2"})),  # only GK3 is left
        NeedsJudge("E2", "Trường D", frozenset({"GK1", "GK3"})),  # only GK2
        NeedsJudge("E3", "Trường D", frozenset({"GK2", "GK3"})),  # only GK1
        NeedsJudge("E4", "Trường D", frozenset()),  # anyone: the least moderating
        NeedsJudge("E5", "Trường C", frozenset({"GK1", "GK2"})),  # nobody: GK3 is from its school
    ]
    plan, impossible = pick_moderators(entries, judges)
    assert impossible == ["E5"]
    assert plan["E1"] == "GK3" and plan["E2"] == "GK2" and plan["E3"] == "GK1"
    assert plan["E4"] in {"GK1", "GK2", "GK3"}
    counts = [list(plan.values()).count(j) for j in ("GK1", "GK2", "GK3")]
    assert max(counts) - min(counts) <= 1
    assert pick_moderators(entries, judges) == (plan, impossible)  # deterministic
