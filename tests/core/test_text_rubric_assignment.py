"""Pure core rules: text cleaning and folding, rubric maths, the assignment plan."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from e2judge.core.assignment import AssignmentImpossible, assign
from e2judge.core.contest import EntrySpec, JudgeSpec
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric, totals
from e2judge.core.text import clean_line, clean_text, fold, has_bidi_controls, looks_like_formula, same_school


def test_clean_text_is_nfc_and_strips_bidi_controls() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Đoàn")
    assert nfd != "Nguyễn Thị Đoàn"
    assert clean_text(nfd) == "Nguyễn Thị Đoàn"
    spoofed = "Trần\u202eabc.exe\u202c Văn"
    assert has_bidi_controls(spoofed)
    assert clean_line(spoofed) == "Trầnabc.exe Văn"
    assert clean_line("  a\n\tb  ") == "a b"
    assert clean_text("a\r\nb\x00c") == "a\nbc"


@pytest.mark.parametrize(
    ("query", "text"),
    [("doi moi", "Đổi mới sáng tạo"), ("DUONG", "Đường"), ("nguyen", "NGUYỄN"), ("ha noi", "Hà Nội")],
)
def test_fold_ignores_diacritics_and_case(query: str, text: str) -> None:
    assert fold(query) in fold(text)


@given(st.text())
def test_fold_is_stable_under_normalisation(value: str) -> None:
    assert fold(unicodedata.normalize("NFD", value)) == fold(unicodedata.normalize("NFC", value))


def test_formula_prefixes() -> None:
    assert all(looks_like_formula(v) for v in ("=1+1", "+1", "-1", "@SUM", "\tx", "\rx"))
    assert not looks_like_formula("Đổi mới")


def test_same_school_ignores_case_accents_and_spacing() -> None:
    assert same_school("Trường THPT  Lê Quý Đôn", "truong thpt le quy don")
    assert not same_school("", "")
    assert not same_school("THPT A", "THPT B")


RUBRIC = Rubric(
    (
        Criterion(
            "a", "S1", "A", "", 4, 1, 1.0, tuple(Level(p, str(p)) for p in (1, 2, 3, 4)), CommentRule.EXTREMES
        ),
        Criterion("b", "S1", "B", "", 10, 0.5, 1.5),
        Criterion("c", "S2", "C", "", 1, 0.1, 2.0),
    )
)


def test_weighted_total_and_percent() -> None:
    t = totals(RUBRIC, {"a": 3, "b": 7.5, "c": None})
    assert (t.raw, t.weighted, t.scored, t.complete) == (10.5, 3 + 7.5 * 1.5, 2, False)
    assert t.weighted_max == 4 + 15 + 2
    assert t.percent == pytest.approx(100 * 14.25 / 21)
    assert RUBRIC.sections == ("S1", "S2")


def test_points_rules() -> None:
    a, b, c = RUBRIC.criteria
    assert a.check_points(3) is None
    assert "not one of the levels" in (a.check_points(2.5) or "")
    assert "above the maximum" in (b.check_points(10.5) or "")
    assert "multiple of the step" in (b.check_points(7.25) or "")
    assert c.check_points(0.3) is None  # decimal-exact steps
    assert "below" in (b.check_points(-1) or "")
    assert a.comment_required(1) and a.comment_required(4) and not a.comment_required(2)
    assert b.allowed_points()[:3] == [0.0, 0.5, 1.0]


def test_rubric_hash_survives_a_json_round_trip() -> None:
    assert Rubric.from_json(RUBRIC.to_json()).sha256() == RUBRIC.sha256()


def entries(n: int) -> list[EntrySpec]:
    """Every third entry comes from school "S3", the school of judge GK00."""
    return [EntrySpec(f"E{i:03d}", f"T{i}", school="S3" if i % 3 == 0 else f"S{i}") for i in range(n)]


def judges(n: int) -> list[JudgeSpec]:
    return [JudgeSpec(f"GK{i:02d}", f"J{i}", school="S3" if i == 0 else f"J-school{i}") for i in range(n)]


@given(st.integers(1, 60), st.integers(1, 7), st.integers(1, 3))
def test_assignment_is_balanced_deterministic_and_avoids_own_school(n: int, j: int, per: int) -> None:
    es, js = entries(n), judges(j)
    if per > j - 1:  # entries from S3 have only j - 1 eligible judges
        with pytest.raises(AssignmentImpossible):
            assign(es, js, per)
        return
    try:
        plan = assign(es, js, per)
    except AssignmentImpossible:
        # Refusing is right only when balance is impossible: GK00 cannot reach the minimum load.
        minimum = (n * per) // j
        assert sum(1 for e in es if e.school != "S3") < minimum
        return
    assert plan == assign(list(reversed(es)), js, per)
    loads = [len(v) for v in plan.values()]
    assert max(loads) - min(loads) <= 1
    assert sum(loads) == n * per
    school = {e.code: e.school for e in es}
    for judge in js:
        assert all(not same_school(judge.school, school[c]) for c in plan[judge.judge_id])
        assert len(set(plan[judge.judge_id])) == len(plan[judge.judge_id])


def test_assignment_refuses_too_few_judges() -> None:
    with pytest.raises(AssignmentImpossible, match="fewer than the 3 needed"):
        assign(entries(3), judges(2), 3)
