"""Text rules for everything that comes from outside: NFC, bidi controls, folding for search."""

from __future__ import annotations

import re
import unicodedata

# Bidirectional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Other invisible or control characters that have no place in entry text (tab/newline are kept).
_OTHER_CONTROLS = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") | {"\x7f", "\ufeff"}

_DELETE = re.compile("[" + re.escape("".join(sorted(BIDI_CONTROLS | _OTHER_CONTROLS))) + "]")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def has_bidi_controls(value: str) -> bool:
    """True when the text holds bidirectional override or isolate characters."""
    return not BIDI_CONTROLS.isdisjoint(value)


def clean_text(value: object) -> str:
    """Normalise text from outside: NFC, bidi controls and other control characters removed.

    Line ends become ``\\n``; leading and trailing white space is stripped.
    """
    if value is None:
        return ""
    text = str(value)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _DELETE.sub("", text).strip()


def clean_line(value: object) -> str:
    """``clean_text`` for a single-line field: inner line breaks and tabs become spaces."""
    return " ".join(clean_text(value).split())


# The combining-mark blocks (Vietnamese tone and vowel marks are all in U+0300–U+036F).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# Letters and punctuation a judge cannot tell apart when typing a search: đ and its look-alike ð
# (ICU sorts ð as a d), typographic quotes and dashes (typed as ASCII ' " -).
_FOLD = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2010": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


def fold(value: str) -> str:
    """Fold text for diacritic- and case-insensitive search ("Đổi mới" -> "doi moi").

    Compatibility forms become their plain letters ("…" -> "...", "№" -> "no"), typographic
    quotes and dashes their ASCII forms, so '"trao' finds "“Trao đổi”". Texts the collation
    holds equal but for accents and case always fold to the same text.
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", value).casefold())
    return unicodedata.normalize("NFC", _COMBINING.sub("", text).translate(_FOLD))


def same_school(a: str, b: str) -> bool:
    """Whether two school names denote the same school (case, accents and spacing ignored)."""
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    return bool(fa) and fa == fb


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would read this text as a formula if written naively."""
    return value.startswith(FORMULA_PREFIXES)
