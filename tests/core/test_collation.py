"""Vietnamese alphabetical order (pure Python)."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from e2judge.core.collation import _general_key, sort_key_bytes
from e2judge.core.collation import vietnamese_sort_key as key


def ordered(*names: str) -> list[str]:
    return sorted(names, key=key)


def test_provinces_in_vietnamese_order() -> None:
    expected = [
        "An Giang",
        "Bà Rịa – Vũng Tàu",
        "Bắc Giang",
        "Bình Dương",
        "Cà Mau",
        "Cần Thơ",
        "Dương Minh Châu",
        "Đà Nẵng",
        "Điện Biên",
        "Gia Lai",
        "Hà Nội",
        "Hải Phòng",
        "Ô Môn",
        "Phú Thọ",
        "Ứng Hòa",
        "Yên Bái",
    ]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=key) == expected


def test_d_stroke_is_after_d_not_after_z() -> None:
    assert ordered("Gia Lai", "Đà Nẵng", "Dương") == ["Dương", "Đà Nẵng", "Gia Lai"]
    assert ordered("Zeta", "Đà") == ["Đà", "Zeta"]
    assert ordered("Đa", "Dz") == ["Dz", "Đa"]


def test_breve_and_circumflex_letters_follow_a() -> None:
    assert ordered("Âm", "Ăn", "Az", "An") == ["An", "Az", "Ăn", "Âm"]
    assert ordered("ơ", "ô", "oz", "o") == ["o", "oz", "ô", "ơ"]
    assert ordered("ư", "uz", "u", "v") == ["u", "uz", "ư", "v"]
    assert ordered("ê", "ez", "e") == ["e", "ez", "ê"]


def test_tones_are_secondary_in_the_cldr_order() -> None:
    # ngang, huyền, hỏi, ngã, sắc, nặng (CLDR vi, as ICU and Vietnamese dictionaries have it)
    assert ordered("mạ", "mã", "mả", "má", "mà", "ma") == ["ma", "mà", "mả", "mã", "má", "mạ"]
    # A tone never beats a letter: "mạ" < "mb" although ạ is "after" a.
    assert ordered("mb", "mạ") == ["mạ", "mb"]
    # Letters decide first, accents left to right after.
    assert ordered("mà mạ", "ma ma", "mà ma", "ma mạ") == ["ma ma", "ma mạ", "mà ma", "mà mạ"]
    assert ordered("Hà Nội", "Ha Noi", "Hà Nôi") == ["Ha Noi", "Hà Nôi", "Hà Nội"]  # o < ô first


def test_normal_form_does_not_matter_and_tone_placement_is_an_accent_difference() -> None:
    for text in ("Đà Nẵng", "Nguyễn Thị Hồng", "Ứng dụng", "Trường THPT Lê Quý Đôn", "Ặ", "ừng"):
        assert key(unicodedata.normalize("NFD", text)) == key(text)
        assert key(unicodedata.normalize("NFC", text)) == key(text)
    # "hoà" and "hòa" have the same letters; ICU puts the mark further right first.
    assert key("hoà")[0] == key("hòa")[0]
    assert ordered("hòa", "hoà") == ["hoà", "hòa"]


def test_case_is_the_last_difference_and_every_space_counts() -> None:
    assert key("ĐÀ NẴNG")[:2] == key("đà nẵng")[:2]
    assert ordered("ĐÀ NẴNG", "đà nẵng", "Đà Nẵng") == ["đà nẵng", "Đà Nẵng", "ĐÀ NẴNG"]
    assert ordered("a b", "a  b", "ab") == ["a  b", "a b", "ab"]  # repeated spaces are not collapsed
    assert ordered("Hà Nội ", " Hà Nội", "Hà Nội") == [" Hà Nội", "Hà Nội", "Hà Nội "]


def test_eth_is_a_d_with_an_accent_not_d_stroke() -> None:
    assert key("Ðà")[0] == key("Dà")[0] != key("Đà")[0]
    assert ordered("Đa", "Ða", "Da", "Dz") == ["Da", "Ða", "Dz", "Đa"]


def test_classes_spaces_symbols_digits_letters() -> None:
    assert ordered("a", "1", "-", "Gia Lai", "Gia-Lai", "Gia") == ["-", "1", "a", "Gia", "Gia Lai", "Gia-Lai"]
    # Punctuation follows ICU's table, not code points: "_" (U+005F) comes before "-" (U+002D).
    assert ordered("a-b", "a_b", "a!b", "a#b") == ["a_b", "a-b", "a!b", "a#b"]
    assert ordered("a.b", "a…b") == ["a…b", "a.b"]  # "…" weighs as "..."


@pytest.mark.parametrize("text", ["", " ", "日本", "Ñandú", "x\u0308"])
def test_any_text_has_a_key(text: str) -> None:
    assert isinstance(key(text), tuple)


@given(st.lists(st.text(max_size=12), max_size=20))
def test_sorting_is_consistent_with_normal_forms(texts: list[str]) -> None:
    nfd = [unicodedata.normalize("NFD", t) for t in texts]
    assert [key(t) for t in sorted(texts, key=key)] == [key(t) for t in sorted(nfd, key=key)]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_shortcut_gives_the_general_key(text: str) -> None:
    # Entry codes are ASCII and are keyed without decomposition; the key must not change.
    assert key(text) == _general_key(text)


@pytest.mark.parametrize("text", ["E-001", " ab12  cd ", "12 34", "a1-b2_c", "\x1ca\tB\x0b", "Z9z"])
def test_ascii_shortcut_on_codes(text: str) -> None:
    assert key(text) == _general_key(text)


@given(st.text(max_size=12), st.text(max_size=12))
def test_byte_keys_order_like_tuple_keys(a: str, b: str) -> None:
    assert (sort_key_bytes(a) < sort_key_bytes(b)) == (key(a) < key(b))
    assert (sort_key_bytes(a) == sort_key_bytes(b)) == (key(a) == key(b))


def test_byte_keys_of_codes_and_prefixes() -> None:
    texts = ["E10", "E2", "E02", "Đ1", "D1", "E1 a", "E1", "e1-", ""]
    assert sorted(texts, key=sort_key_bytes) == sorted(texts, key=key)
