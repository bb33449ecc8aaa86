"""The collation against ICU's own ``vi`` order, and search folding against the collation.

``tests/fixtures/vi_collation.txt`` was written once by ``scripts/make_vi_collation_fixture.py``
with ICU 72 (Debian python3-icu): 702 strings in ICU's order, each with its primary group (two
strings share one when they differ only by accents or case). Neither the app nor this test needs ICU.
"""

from __future__ import annotations

import itertools
import json
import random
import unicodedata
from pathlib import Path

from e2judge.core.collation import vietnamese_sort_key as key
from e2judge.core.text import fold

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vi_collation.txt"


def fixture() -> list[tuple[str, int]]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return [(str(text), int(group)) for text, group in rows]


def test_the_fixture_is_large_and_varied() -> None:
    texts = [t for t, _g in fixture()]
    assert len(texts) >= 500 and len(set(texts)) == len(texts)
    joined = "".join(texts)
    for needed in ("ệ", "ộ", "ữ", "ẫ", "Đ", "Ð", "“", "–", "—", "  ", "…"):
        assert needed in joined


def test_the_sort_key_orders_the_fixture_exactly_as_icu() -> None:
    expected = [t for t, _g in fixture()]
    shuffled = expected[:]
    random.Random(13).shuffle(shuffled)
    assert sorted(shuffled, key=key) == expected
    assert sorted(reversed(expected), key=key) == expected


def test_primary_groups_are_the_same_as_icus() -> None:
    """Same group for ICU (accents and case apart) ⇔ same letters for our key."""
    for (a, ga), (b, gb) in itertools.pairwise(fixture()):
        assert (key(a)[0] == key(b)[0]) == (ga == gb), (a, b)


def test_nfd_input_sorts_like_nfc() -> None:
    for text, _group in fixture():
        assert key(unicodedata.normalize("NFD", text)) == key(text)


def test_search_folding_never_separates_what_the_sort_holds_equal() -> None:
    rows = fixture()
    for group, members in itertools.groupby(rows, key=lambda row: row[1]):
        folded = {fold(text) for text, _g in members}
        assert len(folded) == 1, (group, folded)


def test_folding_is_stable_and_case_and_form_blind() -> None:
    for text, _group in fixture():
        once = fold(text)
        assert fold(once) == once
        assert fold(text.upper()) == once
        assert fold(unicodedata.normalize("NFD", text)) == once
        assert not any(unicodedata.combining(ch) for ch in once)


def test_typographic_quotes_and_dashes_are_found_with_the_ascii_ones() -> None:
    assert fold("“Trao đổi” giáo dục") == fold('"Trao đổi" giáo dục') == '"trao doi" giao duc'
    assert fold("‘Trao đổi’") == fold("'Trao đổi'")
    assert '"trao' in fold("“Trao đổi”")
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        assert fold(f"Bà Rịa {dash} Vũng Tàu") == "ba ria - vung tau"
    assert fold("a…b") == "a...b"


def test_the_eth_is_folded_as_the_sort_sees_it() -> None:
    # ICU sorts "Ð" as a "d" with an accent: folded to "d" like "Đ", which the judge types as d.
    assert key("Ðà Nẵng")[0] == key("Da Nẵng")[0] != key("Đà Nẵng")[0]
    assert fold("Ðà Nẵng") == fold("Đà Nẵng") == fold("Da Nang") == "da nang"
