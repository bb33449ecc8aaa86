"""Vietnamese alphabetical order in pure Python (no ICU, no Qt), as CLDR ``vi`` (ICU) has it.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; the letters f j w z
that Vietnamese does not use take their Latin places. Letters with a breve, circumflex or horn,
and đ, are letters of their own (primary difference): "Az" < "Ăn", "Dương" < "Đà Nẵng".

Three levels, as ICU compares them (``tests/fixtures/vi_collation.txt`` holds 700 strings in
ICU's order, and a test checks this key gives exactly that order):

1. Letters, digits, and punctuation, symbols and spaces (which are not ignored: each space counts,
   so "a  b" < "a b"). White space < punctuation and symbols in ICU's own order
   (``collation_data.VARIABLE``, not code points) < digits < letters.
2. Accents, left to right: the tones in the CLDR order ngang < huyền < hỏi < ngã < sắc < nặng
   ("ma" < "mà" < "mả" < "mã" < "má" < "mạ"), then foreign accents. The Icelandic eth "ð" is a
   "d" with an accent of its own, not "đ".
3. Case: lower before upper (and plain before compatibility forms such as "…" for "...").

NFD input sorts exactly like NFC. The orders of punctuation and marks were read from ICU once
(``scripts/make_vi_collation_fixture.py``).
"""

from __future__ import annotations

import unicodedata

from e2judge.core.collation_data import LETTERS, MARKS, SECONDARY_SAME_AS, VARIABLE

__all__ = ["ALPHABET", "TONES", "SortKey", "sort_key_bytes", "vietnamese_sort_key"]

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]

ALPHABET = tuple(LETTERS)
# The tone marks, lowest first (a secondary difference; ngang, no mark, is lowest of all).
TONES = {mark: i + 1 for i, mark in enumerate(m for m in MARKS if m in "\u0300\u0309\u0303\u0301\u0323")}

# Marks that make a letter of their own, per base letter.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}

_OTHER_VARIABLE = 1_000  # + code point: punctuation and symbols not in the table, after it
_DIGIT = 2_000_000  # + digit value
_LETTER = 3_000_000  # + index in LETTERS
_OTHER_LETTER = 4_000_000  # + code point (letters of other scripts)

_VARIABLE = {ch: i + 1 for i, ch in enumerate(VARIABLE)}
_SPACE = _VARIABLE[" "]
_RANK = {letter: _LETTER + i for i, letter in enumerate(LETTERS)}

_COMMON = 0  # the secondary weight of a letter, digit or symbol without accent
_MARK = {mark: i + 1 for i, mark in enumerate(MARKS)}
_OTHER_MARK = 1_000  # + code point: marks not in the table
_SAME_AS_ACCENT = 1_000_000  # the accent of a look-alike (ð): above every mark


def _clusters(text: str) -> list[tuple[str, list[str], bool]]:
    """Base characters with the combining marks that follow them, and whether the base stands for
    a compatibility character ("…" is "...", "№" is "No", "™" is "TM": ICU weighs them so)."""
    out: list[tuple[str, list[str], bool]] = []
    for ch in unicodedata.normalize("NFD", text):
        parts = unicodedata.normalize("NFKD", ch)
        compat = parts != ch
        for part in parts:
            if unicodedata.combining(part) and out:
                out[-1][1].append(part)
            else:
                out.append((part, [], compat))
    return out


def _mark_weight(mark: str) -> int:
    return _MARK.get(mark, _OTHER_MARK + ord(mark))


def _ascii_primary(c: int) -> int:
    ch = chr(c).lower()
    if ch in _RANK:
        return _RANK[ch]
    if ch.isdigit():
        return _DIGIT + int(ch)
    if ch.isspace():
        return _SPACE
    return _VARIABLE.get(ch, _OTHER_VARIABLE + c)


# Plain ASCII (entry codes such as "E00042"): no marks, no compatibility forms; one table look-up
# per character gives the same key as the general path, much faster.
_ASCII_PRIMARY = [_ascii_primary(c) for c in range(128)]
_ASCII_UPPER = [1 if chr(c).isupper() else 0 for c in range(128)]


def vietnamese_sort_key(text: str) -> SortKey:
    """A key for ``sorted`` giving Vietnamese alphabetical order (see the module docstring)."""
    if text.isascii():
        codes = text.encode("ascii")
        primary_weights, upper = _ASCII_PRIMARY, _ASCII_UPPER
        return (
            tuple([primary_weights[c] for c in codes]),
            (_COMMON,) * len(codes),
            tuple([upper[c] for c in codes]),
        )
    return _general_key(text)


def _general_key(text: str) -> SortKey:
    """``vietnamese_sort_key`` of any text: decomposed, letter by letter with its marks."""
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for raw, marks, compat in _clusters(text):
        lower = raw.lower() if len(raw.lower()) == 1 else raw
        tertiary.append((1 if lower != raw else 0) + (2 if compat else 0))
        base = SECONDARY_SAME_AS.get(lower, lower)
        letter = base
        accents: list[int] = [] if base == lower else [_SAME_AS_ACCENT]
        joined, skipped_ccc = False, 0
        for mark in marks:
            ccc = unicodedata.combining(mark)
            # A mark joins its letter unless an accent of the same or a higher class is between
            # them (ICU's rule for discontiguous contractions).
            if not joined and (letter, mark) in _LETTER_MARKS and skipped_ccc < ccc:
                letter, joined = _LETTER_MARKS[(letter, mark)], True
            else:
                accents.append(_mark_weight(mark))
                skipped_ccc = max(skipped_ccc, ccc)
        if letter in _RANK:
            primary.append(_RANK[letter])
        elif letter.isspace():
            primary.append(_SPACE)
        elif letter in _VARIABLE:
            primary.append(_VARIABLE[letter])
        elif letter.isdigit():
            primary.append(_DIGIT + unicodedata.digit(letter, 0))
        elif letter.isalpha():
            primary.append(_OTHER_LETTER + ord(letter))
        else:
            primary.append(_OTHER_VARIABLE + ord(letter))
        secondary.append(_COMMON)
        secondary.extend(accents)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def sort_key_bytes(text: str) -> bytes:
    """``vietnamese_sort_key`` as bytes that compare (and ``ORDER BY`` in SQLite) the same way.

    Every weight is 3 bytes big-endian plus one, so ``00 00 00`` ends each part: a part that is a
    prefix of another sorts first, as with tuples. Stored per entry at import so that the list
    opens sorted without keying every row again.
    """
    return b"\0\0\0".join(
        b"".join((weight + 1).to_bytes(3, "big") for weight in part) for part in vietnamese_sort_key(text)
    )
