"""Orders taken from ICU 72.1 (CLDR vi) by scripts/make_vi_collation_fixture.py: do not edit.

VARIABLE: white space, punctuation and symbols, lowest first (each its own primary weight).
MARKS: combining marks as secondary differences (tones, foreign accents; the letter marks
of ă â ê ô ơ ư where they cannot join their letter), lowest first.
LETTERS: the letters of the alphabet, in order (primary weights). The eth is a d with a secondary
difference above every mark (SECONDARY_SAME_AS).
"""

# ruff: noqa: E501

VARIABLE = " _-\u2010\u2012\u2013\u2014\u2015,;:!\u00a1?\u00bf.\u00b7'\u2018\u2019\u201a\u2039\u203a\"\u201c\u201d\u201e\u00ab\u00bb()[]{}\u00a7\u00b6@*/\\&#%\u2030\u2020\u2022\u2032`^\u00b0\u00a9\u00ae+\u00b1\u00f7\u00d7<=>|~\u2212\u00a2$\u00a3\u00a5\u20ab\u20ac"
MARKS = "\u0300\u0309\u0303\u0301\u0323\u0306\u0302\u030c\u030a\u0308\u030b\u0307\u0327\u0328\u0304\u031b"
LETTERS = "a\u0103\u00e2bcd\u0111e\u00eafghijklmno\u00f4\u01a1pqrstu\u01b0vwxyz"
SECONDARY_SAME_AS = {"\u00f0": "d"}
