"""Text rules for everything that comes from outside: NFC, bidi controls, folding for search."""

from __future__ import annotations

import unicodedata

# Bidirectional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Other invisible or control characters that have no place in entry text (tab/newline are kept).
_OTHER_CONTROLS = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") | {"\x7f", "\ufeff"}

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def has_bidi_controls(value: str) -> bool:
    """True when the text holds bidirectional override or isolate characters."""
    return any(ch in BIDI_CONTROLS for ch in value)


def clean_text(value: object) -> str:
    """Normalise text from outside: NFC, bidi controls and other control characters removed.

    Line ends become ``\\n``; leading and trailing white space is stripped.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch not in BIDI_CONTROLS and ch not in _OTHER_CONTROLS)
    return text.strip()


def clean_line(value: object) -> str:
    """``clean_text`` for a single-line field: inner line breaks and tabs become spaces."""
    return " ".join(clean_text(value).split())


def fold(value: str) -> str:
    """Fold text for diacritic- and case-insensitive search ("Đổi mới" -> "doi moi")."""
    text = unicodedata.normalize("NFD", value.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("đ", "d")


def same_school(a: str, b: str) -> bool:
    """Whether two school names denote the same school (case, accents and spacing ignored)."""
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    return bool(fa) and fa == fb


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would read this text as a formula if written naively."""
    return value.startswith(FORMULA_PREFIXES)
