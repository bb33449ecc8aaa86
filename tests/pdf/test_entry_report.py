"""The per-entry rubric report, read back from real PDFs made from a real imported batch."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from e2judge.core.contest import EntrySpec
from e2judge.core.labels import Labels
from e2judge.pdf.entry_report import write_entry_pdf
from e2judge.services.judge.entries import EntryNotFound, entry_detail, find_assignment
from e2judge.services.judge.judge_key import ensure_judge_key
from e2judge.services.judge.reports import report_context, write_entry_reports
from e2judge.services.judge.scoring import declare_conflict, set_comment, set_overall_comment, set_points
from tests.helpers.batches import CONTEST_NAME, ROUND_NAME, imported_profile
from tests.pdf.conftest import Judged
from tests.pdf.pdfcheck import font_problems, page_texts, squeeze

ACTOR = "test"
_HEADER_MIN_Y = 790  # points: the header line is drawn at 842 - 13 mm, the footer at 11 mm
_FOOTER_MAX_Y = 45


def _bands(path: Path) -> list[tuple[str, str, str]]:
    """(header, body, footer) text of each page, split by where on the page each piece is drawn."""
    return [_page_bands(page) for page in PdfReader(path).pages]


def _page_bands(page: PageObject) -> tuple[str, str, str]:
    header: list[str] = []
    body: list[str] = []
    footer: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        (header if y > _HEADER_MIN_Y else footer if y < _FOOTER_MAX_Y else body).append(text)

    page.extract_text(visitor_text=visit)
    return _flat(header), _flat(body), _flat(footer)


def _flat(parts: list[str]) -> str:
    return " ".join(unicodedata.normalize("NFC", " ".join(parts)).split())


def _page_number(footer: str) -> tuple[int, int]:
    """(x, y) of the footer's "Trang x / y" or "Page x / y"; fails when there is none."""
    found = re.findall(r"(?:Trang|Page) (\d+) / (\d+)", footer)
    assert len(found) == 1, footer
    return int(found[0][0]), int(found[0][1])


def _entries_by_page(bands: list[tuple[str, str, str]], lb: Labels) -> list[str]:
    """The entry each page belongs to, read from the body: the code under the title on its first page."""
    start = re.compile(rf"{re.escape(lb('entry_title'))} .*?{re.escape(lb('code'))} (E\d+)")
    owners: list[str] = []
    for _header, body, _footer in bands:
        found = start.search(body)
        if found is not None:
            owners.append(found.group(1))
        else:
            assert owners, "the first page does not start an entry"
            owners.append(owners[-1])
    return owners


def _assert_numbered_per_entry(path: Path, lang: str = "vi") -> list[str]:
    """Each page's owner; checks every footer counts the pages of its own entry and the header names it."""
    lb = Labels(lang)
    bands = _bands(path)
    owners = _entries_by_page(bands, lb)
    for index, ((header, _body, footer), owner) in enumerate(zip(bands, owners, strict=True)):
        first = owners.index(owner)
        expected = lb("page", page=index - first + 1, total=owners.count(owner))
        assert _page_number(footer) == (index - first + 1, owners.count(owner)), (index, footer)
        assert expected in footer
        assert header.endswith(f"{lb('code')}: {owner}"), (index, header)
    return owners


def _score_first(judged: Judged) -> int:
    _profile, db, ref = judged
    aid = find_assignment(db, ref, "E0001")
    set_points(db, aid, "tinh-moi", 3, ACTOR)
    set_points(db, aid, "kha-thi", 2, ACTOR)
    set_points(db, aid, "trinh-bay", 4.5, ACTOR)
    set_comment(db, aid, "tinh-moi", "Học sinh hứng thú, tích cực thảo luận.", ACTOR)
    set_overall_comment(db, aid, "Bài viết công phu; cần thêm minh chứng về hiệu quả.", ACTOR)
    return aid


def test_vietnamese_text_embedded_fonts_and_page_numbers(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    _score_first(judged)
    out = tmp_path / "reports.pdf"
    pages = write_entry_reports(db, profile, ref, out)
    texts = page_texts(out)
    assert pages == len(texts) >= 5
    for text in texts:
        assert CONTEST_NAME in text
    from e2judge import __version__

    assert (PdfReader(out).metadata or {}).get("/Creator") == f"E2 Judge {__version__}"
    assert list(dict.fromkeys(_assert_numbered_per_entry(out))) == [f"E000{n}" for n in range(1, 6)]
    first = texts[0]
    for expected in (
        "PHIẾU CHẤM ĐIỂM",
        ROUND_NAME,
        "Mã bài: E0001",
        "Đổi mới phương pháp dạy học 1",
        "Nguyễn Thị Hồng 1",
        "Trường THPT Lê Quý Đôn 1",
        "Tính mới",
        "Mức đạt: Mức 3",
        "Học sinh hứng thú, tích cực thảo luận.",
        "4,5 / 5",
        "12,5 / 16 (78,1%)",
        "Trần Văn Đức (GK01)",
        "Chữ ký của giám khảo",
    ):
        assert squeeze(expected) in squeeze(first), expected
    assert squeeze("Bài viết công phu; cần thêm minh chứng về hiệu quả.") in squeeze(" ".join(texts[:2]))
    # every entry starts on its own page, marked in the header
    starts = [i for i, text in enumerate(texts) if "PHIẾU CHẤM ĐIỂM" in text]
    assert [re.search(r"Mã bài: (E\d+)", texts[i]).group(1) for i in starts] == [  # type: ignore[union-attr]
        f"E000{n}" for n in range(1, 6)
    ]
    assert "Chưa chấm" in texts[starts[1]]
    assert font_problems(out) == []


def test_a4_pages(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    out = tmp_path / "a4.pdf"
    write_entry_reports(db, profile, ref, out, ["E0002"])
    page = PdfReader(out).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def _tokens(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}{i:04d}" for i in range(count))


def test_long_comments_span_pages_without_loss(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    aid = find_assignment(db, ref, "E0002")
    comment = _tokens("câu", 625)  # 5,000 characters
    overall = _tokens("ý", 800)
    assert len(comment) >= 4999
    set_comment(db, aid, "kha-thi", comment, ACTOR)
    set_overall_comment(db, aid, overall, ACTOR)
    out = tmp_path / "long.pdf"
    pages = write_entry_reports(db, profile, ref, out, ["E0002"])
    texts = page_texts(out)
    assert pages == len(texts) >= 3
    joined = "\n".join(texts)
    assert re.findall(r"câu\d{4}", joined) == comment.split()
    assert re.findall(r"ý\d{4}", joined) == overall.split()
    first_page = next(i for i, t in enumerate(texts) if "câu0000" in t)
    last_page = next(i for i, t in enumerate(texts) if "câu0624" in t)
    assert last_page > first_page
    # the criteria table's header row is repeated on the page the comment continues on
    assert "Tiêu chí, mức đạt và nhận xét" in texts[last_page]
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number} / {pages}" in text


def test_each_entry_is_numbered_on_its_own(judged: Judged, tmp_path: Path) -> None:
    """Three entries, the middle one two pages or more: "Trang 1 / n" restarts at every entry."""
    profile, db, ref = judged
    _score_first(judged)
    long_aid = find_assignment(db, ref, "E0002")
    set_comment(db, long_aid, "kha-thi", _tokens("câu", 625), ACTOR)
    set_overall_comment(db, long_aid, _tokens("ý", 800), ACTOR)
    out = tmp_path / "three.pdf"
    pages = write_entry_reports(db, profile, ref, out, ["E0001", "E0002", "E0003"])
    owners = _assert_numbered_per_entry(out)
    assert len(owners) == pages
    assert list(dict.fromkeys(owners)) == ["E0001", "E0002", "E0003"]
    assert owners.count("E0002") >= 2
    bands = _bands(out)
    footers = [footer for _header, _body, footer in bands]
    first_of = {code: owners.index(code) for code in ("E0001", "E0002", "E0003")}
    for code, index in first_of.items():
        assert f"Trang 1 / {owners.count(code)}" in footers[index], code
    last_long = first_of["E0003"] - 1
    assert f"Trang {owners.count('E0002')} / {owners.count('E0002')}" in footers[last_long]
    # the long comment is on the pages of E0002 only, whose continuation pages name it in the header
    for (header, body, _footer), owner in zip(bands, owners, strict=True):
        if "câu0" in body or "ý0" in body:
            assert owner == "E0002" and header.endswith("Mã bài: E0002")
    assert "ý0799" in bands[last_long][1] and squeeze("Chữ ký của giám khảo") in squeeze(bands[last_long][1])
    assert "câu0000" in bands[first_of["E0002"]][1]

    # the long entry alone: the same pages, numbered the same way
    alone = tmp_path / "alone.pdf"
    alone_pages = write_entry_reports(db, profile, ref, alone, ["E0002"])
    assert alone_pages == owners.count("E0002")
    assert _assert_numbered_per_entry(alone) == ["E0002"] * alone_pages
    assert [footer for _h, _b, footer in _bands(alone)] == [
        footers[i] for i, owner in enumerate(owners) if owner == "E0002"
    ]
    one = tmp_path / "one.pdf"
    assert write_entry_reports(db, profile, ref, one, ["E0003"]) == 1
    assert "Trang 1 / 1" in _bands(one)[0][2]


def test_hostile_text_prints_literally(tmp_path: Path) -> None:
    specs = [
        EntrySpec("H1", "<b>in đậm</b> & Co", authors="<i>Lê</i> <br/>", school="Tom &amp; Jerry"),
        EntrySpec("H2", '=HYPERLINK("http://x")', authors="@SUM(A1)", school="+84 -1"),
        EntrySpec("H3", "Bài \u202emới\u202c đây", authors="Đỗ\u202e Thị", school="Trường <script>"),
    ]
    profile, db, ref = imported_profile(tmp_path, entry_specs=specs)
    try:
        aid = find_assignment(db, ref, "H1")
        set_comment(db, aid, "tinh-moi", "a < b && c > d <font size=40>x</font>", ACTOR)
        out = tmp_path / "hostile.pdf"
        write_entry_reports(db, profile, ref, out)
    finally:
        db.close()
    text = squeeze(" ".join(page_texts(out)))
    for literal in (
        "<b>in đậm</b> & Co",
        "<i>Lê</i> <br/>",
        "Tom &amp; Jerry",
        '=HYPERLINK("http://x")',
        "@SUM(A1)",
        "+84 -1",
        "Bài mới đây",  # the RTL override was removed at import
        "Trường <script>",
        "a < b && c > d <font size=40>x</font>",
    ):
        assert squeeze(literal) in text, literal
    assert "\u202e" not in text
    assert font_problems(out) == []


def test_writer_survives_bidi_and_control_characters(judged: Judged, tmp_path: Path) -> None:
    """Text that bypassed import cleaning (RTL override, NUL, odd line ends) still prints."""
    profile, db, ref = judged
    detail = entry_detail(db, profile, ref, find_assignment(db, ref, "E0001"))
    hostile = dataclasses.replace(
        detail,
        title="Tiêu đề \u202eđảo ngược\u202c\x00 hết",
        overall_comment="dòng 1\r\ndòng 2\rdòng 3\x07 <b>&",
        comments={**detail.comments, "tinh-moi": "\u2066cô lập\u2069 \ufeff"},
    )
    out = tmp_path / "bidi.pdf"
    pages = write_entry_pdf([hostile], report_context(db, profile, ref), out, Labels("vi"))
    text = squeeze(" ".join(page_texts(out)))
    assert pages >= 1
    for literal in ("Tiêu đề đảo ngược hết", "dòng 1", "dòng 2", "dòng 3 <b>&", "cô lập"):
        assert squeeze(literal) in text, literal


def test_giant_unbreakable_text_does_not_break_the_layout(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    detail = entry_detail(db, profile, ref, find_assignment(db, ref, "E0001"))
    url = "https://sway.example/" + "Ỹ" * 600
    giant = dataclasses.replace(
        detail,
        title="Tiêu đề " + "rất-dài-" * 400,
        authors="Ư" * 900,
        comments={**detail.comments, "tinh-moi": url, "kha-thi": "chữ " * 3000},
        overall_comment=url,
    )
    out = tmp_path / "giant.pdf"
    pages = write_entry_pdf([giant], report_context(db, profile, ref), out, Labels("vi"))
    text = squeeze(" ".join(page_texts(out)))
    assert pages >= 3
    assert text.count("Ỹ") == 1200  # the long URL, wrapped, in the comment and the overall comment
    assert text.count("Ư") == 900
    assert text.count("chữ") == 3000


def test_blind_round_hides_people(tmp_path: Path) -> None:
    profile, db, ref = imported_profile(tmp_path, blind=True)
    try:
        out = tmp_path / "blind.pdf"
        write_entry_reports(db, profile, ref, out, ["E0001"])
    finally:
        db.close()
    text = " ".join(page_texts(out))
    assert "Đổi mới phương pháp dạy học 1" in text
    for hidden in ("Nguyễn Thị Hồng", "Lê Quý Đôn", "Hà Nội", "Tác giả"):
        assert hidden not in text
    assert squeeze("Vòng chấm ẩn danh") in squeeze(text)


def test_conflict_is_stated(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    declare_conflict(db, find_assignment(db, ref, "E0003"), "Tác giả là đồng nghiệp cùng tổ.", ACTOR)
    out = tmp_path / "conflict.pdf"
    write_entry_reports(db, profile, ref, out, ["E0003"])
    text = squeeze(" ".join(page_texts(out)))
    assert squeeze("XUNG ĐỘT LỢI ÍCH") in text
    assert squeeze("Lý do: Tác giả là đồng nghiệp cùng tổ.") in text
    assert squeeze("Bài chưa chấm xong") not in text


def test_english_labels_and_numbers(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    _score_first(judged)
    out = tmp_path / "en.pdf"
    pages = write_entry_reports(db, profile, ref, out, ["E0001", "E0002"], lang="en")
    texts = page_texts(out)
    assert len(texts) == pages
    assert list(dict.fromkeys(_assert_numbered_per_entry(out, "en"))) == ["E0001", "E0002"]
    text = squeeze(" ".join(texts))
    for expected in ("RUBRIC SCORE REPORT", "Entry code: E0001", "12.5 / 16 (78.1%)", "Judge's signature"):
        assert squeeze(expected) in text, expected
    assert "Trang" not in text


def test_selected_codes_in_order_and_unknown_code_writes_nothing(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    folder = tmp_path / "out"
    out = folder / "some.pdf"
    write_entry_reports(db, profile, ref, out, ["E0004", "e0002"])
    codes = re.findall(r"Mã bài: (E\d+)", " ".join(page_texts(out)))
    assert list(dict.fromkeys(codes)) == ["E0004", "E0002"]
    missing = folder / "missing.pdf"
    with pytest.raises(EntryNotFound):
        write_entry_reports(db, profile, ref, missing, ["E0001", "NOPE"])
    assert sorted(p.name for p in folder.iterdir()) == ["some.pdf"]  # no partial or temporary file


def test_judge_key_fingerprint_and_sheet_revision(judged: Judged, tmp_path: Path) -> None:
    from e2judge.services.judge.sheet_export import export_sheet

    profile, db, ref = judged
    info = ensure_judge_key(profile, "mật khẩu", "Trần Văn Đức", n=2**14)
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    export_sheet(db, profile, ref, sheets, "mật khẩu", seal=False)
    out = tmp_path / "signed.pdf"
    write_entry_reports(db, profile, ref, out, ["E0001"])
    text = squeeze(" ".join(page_texts(out)))
    assert squeeze(info.fingerprint) in text
    assert squeeze("lần xuất thứ 1") in text
    assert squeeze(f"{ref.batch_key} (phiên bản 1)") in text


def test_reports_from_an_unsigned_workbook_say_so(judged: Judged, tmp_path: Path) -> None:
    from e2judge.db.session import open_judge_db
    from e2judge.paths import Profile, resource
    from e2judge.services.judge.import_workbook import import_workbook
    from e2judge.services.judge.rounds import list_rounds

    profile = Profile(tmp_path / "unsigned").ensure()
    with open_judge_db(profile.database) as db:
        import_workbook(db, profile, resource("demo", "e2-2022", "workbook.xlsx"), "GK01")
        (ref,) = list_rounds(db)
        assert not ref.signed
        unsigned_pdf = tmp_path / "unsigned.pdf"
        write_entry_reports(db, profile, ref, unsigned_pdf, ["E2-001"])
    signed_pdf = tmp_path / "signed.pdf"
    signed_profile, signed_db, signed_ref = judged
    write_entry_reports(signed_db, signed_profile, signed_ref, signed_pdf)
    mark = squeeze("CHƯA KÝ — nhập từ sổ tính")
    assert all(mark in squeeze(page) for page in page_texts(unsigned_pdf))
    assert not any(mark in squeeze(page) for page in page_texts(signed_pdf))
