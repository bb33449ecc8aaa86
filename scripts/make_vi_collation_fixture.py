#!/usr/bin/python3
"""Order Vietnamese test strings with ICU once, for the pure-Python collation to be checked against.

Run with Debian's Python and its ICU binding (not the project's venv, which has no ICU)::

    apt-get install -y python3-icu
    /usr/bin/python3 scripts/make_vi_collation_fixture.py

It writes ``tests/fixtures/vi_collation.txt`` (a JSON ``[text, primary group]`` a line, in ICU's
``vi`` order, no two strings equal for ICU) and ``e2judge/core/collation_data.py`` (the order ICU
gives the punctuation, symbols and combining marks the app's collation knows). The app and the
tests never import ICU.
"""

from __future__ import annotations

import itertools
import json
import sys
import unicodedata
from pathlib import Path

import icu  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "vi_collation.txt"
DATA = ROOT / "e2judge" / "core" / "collation_data.py"

# Punctuation and symbols a title, a name or a code may hold (ASCII and the typographic ones).
VARIABLE = (
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "\u00a1\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b6\u00b7\u00bb\u00bf\u00d7\u00f7"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2022\u2026"
    "\u2030\u2032\u2033\u2039\u203a\u20ab\u20ac\u2212\u00a3\u00a5\u00a2\u2116\u2122"
)
# Combining marks: the five tones, the Vietnamese letter marks and those of foreign names.
MARKS = "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u031b\u0323\u0327\u0328"
# Letters that have no decomposition but a place of their own.
LETTERS = "abcdefghijklmnopqrstuvwxyzăâđêôơư"

SYLLABLES = [
    "ma",
    "ba",
    "ca",
    "da",
    "đa",
    "la",
    "na",
    "ta",
    "an",
    "ăn",
    "ân",
    "em",
    "êm",
    "om",
    "ôm",
    "ơm",
    "um",
    "ưm",
    "hoa",
    "nga",
    "nghi",
    "qua",
    "thu",
    "yên",
    "tuyết",
    "giang",
    "đông",
]
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Mai",
    "Trịnh",
    "Lương",
]
GIVEN = [
    "An",
    "Anh",
    "Ánh",
    "Ảnh",
    "Bảo",
    "Bình",
    "Châu",
    "Chi",
    "Cường",
    "Dũng",
    "Duy",
    "Đạt",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "My",
    "Mỹ",
    "Nam",
    "Ngọc",
    "Nhung",
    "Phong",
    "Phúc",
    "Phương",
    "Quang",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thu",
    "Trang",
    "Trung",
    "Tuấn",
    "Tú",
    "Uyên",
    "Vân",
    "Việt",
    "Xuân",
    "Yến",
]
PLACES = [
    "An Giang",
    "Bà Rịa – Vũng Tàu",
    "Bà Rịa - Vũng Tàu",
    "Bà Rịa — Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Ðà Nẵng",
    "Da Nang",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà  Nội",
    "Hà Nội ",
    " Hà Nội",
    "HÀ NỘI",
    "hà nội",
    "Ha Noi",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hoà Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "TP. Hồ Chí Minh",
    "TP Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
]
TITLES = [
    "“Trao đổi” giáo dục",
    '"Trao đổi" giáo dục',
    "'Trao đổi' giáo dục",
    "‘Trao đổi’ giáo dục",
    "„Trao đổi“ giáo dục",
    "«Trao đổi» giáo dục",
    "Trao đổi giáo dục",
    "Trao-đổi giáo dục",
    "Dạy học – thực hành",
    "Dạy học - thực hành",
    "Dạy học — thực hành",
    "Dạy học: thực hành",
    "Dạy học; thực hành",
    "Dạy học, thực hành",
    "Dạy học. Thực hành",
    "Dạy học… thực hành",
    "Dạy học thực hành",
    "Dạy học  thực hành",
    "Dạy học (thực hành)",
    "Dạy học [thực hành]",
    "Dạy học {thực hành}",
    "Dạy học / thực hành",
    "Dạy học & thực hành",
    "Dạy học + thực hành",
    "Dạy học? Thực hành!",
    "Dạy học #1",
    "Dạy học #2",
    "Dạy học #10",
    "Dạy học @ lớp",
    "Dạy học * sao",
    "(Thí điểm) Học tập dự án",
    "[STEM] Học tập dự án",
    "STEM: Học tập dự án",
    "STEM – Học tập dự án",
    "STEM Học tập dự án",
    "stem học tập dự án",
    "Học tập dự án STEM",
    "Học tập dự án 2",
    "Học tập dự án 10",
    "Học tập dự án 1",
    "Học tập dự án I",
    "Học tập dự án II",
    "Học  tập dự án",
    "E2-001",
    "E2_001",
    "E2.001",
    "E2/001",
    "E2 001",
    "E2001",
    "E2-010",
    "E2-002",
    "e2-001",
    "₫100 000",
    "100%",
    "100 ‰",
    "$5",
    "€5",
    "№ 5",
    "No 5",
    "™ E2",
    "a...b",
    "£5",
    "¥5",
    "§3",
    "©2024",
    "®",
    "+84 912",
    "-84",
    "−84",
    "@ban tổ chức",
    "#hashtag",
    "*ghi chú",
    "…tiếp",
    "•mục",
    "·mục",
    "°C",
    "±1",
    "×2",
    "÷2",
    "!",
    "?",
    "¿Qué?",
    "¡Hola!",
    "Noël",
    "Zürich",
    "Ça va",
    "José",
    "Ångström",
    "Čapek",
    "Ðorđe",
    "Dorde",
    "Đorđe",
    "ðà",
    "Ðà",
    "đà",
    "Đà",
    "da",
    "Da",
    "DA",
    "dà",
    "Dà",
    "đa",
    "Đa",
    "ĐA",
    "Đạ",
    "Ðạ",
    "Tiếng Việt",
    "TIẾNG VIỆT",
    "tiếng việt",
    "Tieng Viet",
    "Tiếng việt",
    "Ứng dụng",
    "Ưng dụng",
    "Úng dụng",
    "Ung dung",
    "Ừng",
    "Ửng",
    "Ững",
    "Ựng",
    "Hòa",
    "Hoà",
    "Hỏa",
    "Hoả",
    "Thủy",
    "Thuỷ",
    "Giáo dục 4.0",
    "Giáo dục 4,0",
    "Giáo dục 40",
    "Giáo dục số",
    "Giáo dục Số",
    "Giáo dục sổ",
    "Ôn tập",
    "Ơn tập",
    "On tập",
    "Ôm",
    "Ởm",
    "Ỡm",
    "Ợm",
    "Ờm",
    "Ớm",
    "a",
    "A",
    "á",
    "Á",
    "à",
    "ả",
    "ã",
    "ạ",
    "ă",
    "ắ",
    "ằ",
    "ẳ",
    "ẵ",
    "ặ",
    "â",
    "ấ",
    "ầ",
    "ẩ",
    "ẫ",
    "ậ",
    "b",
    "z",
    "Z",
    "0",
    "9",
    "10",
    "1",
    " ",
    "  ",
    "a b",
    "a  b",
    "ab",
    "a-b",
    "a_b",
    "a.b",
    "a,b",
    "a;b",
    "a:b",
    "a!b",
    "a?b",
    "a'b",
    'a"b',
    "a(b",
    "a)b",
    "a[b",
    "a{b",
    "a@b",
    "a*b",
    "a/b",
    "a\\b",
    "a&b",
    "a#b",
    "a%b",
    "a`b",
    "a^b",
    "a+b",
    "a<b",
    "a=b",
    "a>b",
    "a|b",
    "a~b",
    "a$b",
    "a–b",
    "a—b",
    "a‘b",
    "a’b",
    "a“b",
    "a”b",
    "a…b",
]


def strings() -> list[str]:
    found: list[str] = []
    for syllable, tone in itertools.product(SYLLABLES, TONES):
        nfd = unicodedata.normalize("NFD", syllable)
        found.append(unicodedata.normalize("NFC", nfd[:2] + tone + nfd[2:] if len(nfd) > 1 else nfd + tone))
    found += [f"{f} {g}" for f, g in itertools.product(FAMILY[:10], GIVEN[:20])]
    found += [f"{f} Thị {g}" for f, g in zip(FAMILY, GIVEN[20:], strict=False)]
    found += [f"{f} Văn {g}" for f, g in zip(FAMILY, reversed(GIVEN), strict=False)]
    found += PLACES + TITLES
    found += [f"Trường THPT {g}" for g in GIVEN[:20]]
    return found


def main() -> int:
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    primary = icu.Collator.createInstance(icu.Locale("vi"))
    primary.setStrength(icu.Collator.PRIMARY)
    secondary = icu.Collator.createInstance(icu.Locale("vi"))
    secondary.setStrength(icu.Collator.SECONDARY)
    unique: dict[bytes, str] = {}
    for text in strings():
        unique.setdefault(collator.getSortKey(text), text)
    ordered = [unique[k] for k in sorted(unique)]
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    # Each line: [text, n] where n counts the primary differences so far: two lines with the same
    # n differ only in accents or case for ICU.
    lines_out, group = [], 0
    for i, text in enumerate(ordered):
        if i and primary.compare(ordered[i - 1], text) != 0:
            group += 1
        lines_out.append(json.dumps([text, group], ensure_ascii=False) + "\n")
    FIXTURE.write_text("".join(lines_out), encoding="utf-8")

    variable: list[str] = []
    compat = {ch for ch in VARIABLE if unicodedata.normalize("NFKD", ch) != ch}
    print("expanded like their compatibility decomposition:", " ".join(sorted(compat)))
    for ch in sorted(set(VARIABLE) - compat, key=collator.getSortKey):
        if variable and primary.compare(variable[-1], ch) == 0:
            print(f"left out U+{ord(ch):04X}: same primary weight as U+{ord(variable[-1]):04X}")
            continue  # a tertiary variant (e.g. the non-breaking hyphen): not in the table
        variable.append(ch)
    # On "b" (no contraction there), so the letter marks get the weight they have when blocked.
    marks = sorted(set(MARKS), key=lambda m: secondary.getSortKey("b" + m))
    for a, b in itertools.pairwise(marks):
        assert secondary.compare("b" + a, "b" + b) < 0, (a, b)
    # The eth is a "d" with a secondary difference above every mark of the table, not "đ".
    assert primary.compare("ð", "d") == 0 and primary.compare("ð", "đ") != 0
    assert secondary.compare("d" + marks[-1], "ð") < 0 and secondary.compare("ð", "Ð") == 0
    letters = sorted(set(LETTERS), key=collator.getSortKey)
    for a, b in itertools.pairwise(letters):
        assert primary.compare(a, b) < 0, (a, b)
    lines = [
        '"""Orders taken from ICU '
        + icu.ICU_VERSION
        + " (CLDR vi) by scripts/make_vi_collation_fixture.py: do not edit.",
        "",
        "VARIABLE: white space, punctuation and symbols, lowest first (each its own primary weight).",
        "MARKS: combining marks as secondary differences (tones, foreign accents; the letter marks",
        "of ă â ê ô ơ ư where they cannot join their letter), lowest first.",
        "LETTERS: the letters of the alphabet, in order (primary weights). The eth is a d with a secondary",
        "difference above every mark (SECONDARY_SAME_AS).",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        "VARIABLE = " + json.dumps("".join(variable), ensure_ascii=True),
        "MARKS = " + json.dumps("".join(marks), ensure_ascii=True),
        "LETTERS = " + json.dumps("".join(letters), ensure_ascii=True),
        'SECONDARY_SAME_AS = {"\\u00f0": "d"}',
        "",
    ]
    DATA.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(ordered)} strings -> {FIXTURE.relative_to(ROOT)}; tables -> {DATA.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
