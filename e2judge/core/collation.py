"""Vietnamese alphabetical order in pure Python (no ICU, no Qt).

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; the letters f j w z
that Vietnamese does not use take their Latin places (f after ê, j after i, w after v, z after y).
Letters with a breve, circumflex or horn, and đ, are letters of their own (primary difference):
"Az" < "Ăn", "Dương" < "Đà Nẵng" < "Gia Lai".

Tones are a secondary difference, compared word by word only when the letters are equal, in the
conventional dictionary order ngang (none), huyền (à), sắc (á), hỏi (ả), ngã (ã), nặng (ạ):
"ma" < "mà" < "má" < "mả" < "mã" < "mạ". Where the tone mark sits in a word does not matter
("hoà" and "hòa" sort together). Case is ignored, and NFD input sorts exactly like NFC.

Order of character classes: white space < punctuation and symbols < digits < letters.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ALPHABET", "TONES", "SortKey", "sort_key_bytes", "vietnamese_sort_key"]

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]

# f, j, w, z are not Vietnamese letters; they keep their Latin places.
ALPHABET = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")

# Combining tone marks in their conventional order (index = secondary weight; 0 is ngang).
TONES = {
    "\u0300": 1,  # huyền  à
    "\u0301": 2,  # sắc    á
    "\u0309": 3,  # hỏi    ả
    "\u0303": 4,  # ngã    ã
    "\u0323": 5,  # nặng   ạ
}
# Marks that make a letter of its own, per base letter.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
_SAME_AS = {"ð": "đ"}  # Icelandic eth "Ð" looks exactly like "Đ" and is typed by mistake

_SPACE = 0
_SYMBOL = 1_000  # + code point
_DIGIT = 3_000_000  # + digit value
_LETTER = 3_000_100  # + index in ALPHABET
_OTHER_LETTER = 4_000_000  # + code point (letters of other scripts)

_RANK = {letter: _LETTER + i for i, letter in enumerate(ALPHABET)}


def _clusters(text: str) -> list[tuple[str, list[str]]]:
    """Base characters with the combining marks that follow them."""
    out: list[tuple[str, list[str]]] = []
    for ch in text:
        if unicodedata.combining(ch) and out:
            out[-1][1].append(ch)
        elif not unicodedata.combining(ch):
            out.append((ch, []))
    return out


# Plain ASCII (entry codes such as "E00042"): no marks, every word has tone 0 (ngang).
_ASCII_WEIGHT = {
    chr(c): (
        _RANK[chr(c)]
        if chr(c) in _RANK
        else _DIGIT + c - 48
        if chr(c).isdigit()
        else _SPACE
        if chr(c) == " "
        else _SYMBOL + c
    )
    for c in range(128)
}
_ASCII_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")


def _ascii_key(text: str) -> SortKey:
    """``vietnamese_sort_key`` of an ASCII text, without decomposing it (the same key, faster)."""
    plain = " ".join(text.lower().split())
    weight = _ASCII_WEIGHT
    words = len(_ASCII_WORD.findall(plain))
    return tuple([weight[ch] for ch in plain]), (0,) * words, ()


def vietnamese_sort_key(text: str) -> SortKey:
    """A key for ``sorted`` giving Vietnamese alphabetical order (see the module docstring).

    The key is (letters, tones per word, other marks): the tones and other marks only decide
    between texts whose letters are equal.
    """
    return _ascii_key(text) if text.isascii() else _general_key(text)


def _general_key(text: str) -> SortKey:
    """``vietnamese_sort_key`` of any text: decomposed, letter by letter with its marks."""
    primary: list[int] = []
    tones: list[int] = []
    extra: list[int] = []
    word_tone = 0
    in_word = False
    decomposed = unicodedata.normalize("NFD", text.casefold())
    for raw_base, marks in _clusters(decomposed):
        base = _SAME_AS.get(raw_base, raw_base)
        if base.isspace():
            if in_word:
                tones.append(word_tone)
                word_tone, in_word = 0, False
            if primary and primary[-1] != _SPACE:
                primary.append(_SPACE)
            continue
        letter = base
        for mark in marks:
            if (letter, mark) in _LETTER_MARKS:
                letter = _LETTER_MARKS[(letter, mark)]
            elif mark in TONES:
                word_tone = word_tone or TONES[mark]
            else:
                extra.append(ord(mark))
        if letter in _RANK:
            primary.append(_RANK[letter])
            in_word = True
        elif base.isdigit():
            primary.append(_DIGIT + unicodedata.digit(base, 0))
        elif base.isalpha():
            primary.append(_OTHER_LETTER + ord(letter))
            in_word = True
        else:
            if in_word:
                tones.append(word_tone)
                word_tone, in_word = 0, False
            primary.append(_SYMBOL + ord(base))
    if in_word:
        tones.append(word_tone)
    if primary and primary[-1] == _SPACE:
        primary.pop()
    return tuple(primary), tuple(tones), tuple(extra)


def sort_key_bytes(text: str) -> bytes:
    """``vietnamese_sort_key`` as bytes that compare (and ``ORDER BY`` in SQLite) the same way.

    Every weight is 3 bytes big-endian plus one, so ``00 00 00`` ends each part: a part that is a
    prefix of another sorts first, as with tuples. Stored per entry at import so that the list
    opens sorted without keying every row again.
    """
    return b"\0\0\0".join(
        b"".join((weight + 1).to_bytes(3, "big") for weight in part) for part in vietnamese_sort_key(text)
    )
