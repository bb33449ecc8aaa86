"""Safe text for platypus, the labels' number formats, and the page frame on synthetic stories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from e2judge.core.labels import Labels
from e2judge.pdf.page import PageNote, PageSetup, build_pdf
from e2judge.pdf.styles import make_styles, safe_markup
from tests.pdf.pdfcheck import font_problems, page_texts, squeeze


def test_safe_markup_escapes_and_strips() -> None:
    assert safe_markup("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert safe_markup("Tom &amp; Jerry") == "Tom &amp;amp; Jerry"
    assert safe_markup("a\r\nb\rc\nd") == "a<br/>b<br/>c<br/>d"
    assert safe_markup("x\u202ey\u2066z\x00\x07") == "xyz"
    assert safe_markup("Tie\u0302\u0301ng Vie\u0302\u0323t") == "Tiếng Việt"  # NFD in, NFC out
    assert safe_markup(None) == ""


def test_labels_numbers_and_dates() -> None:
    vi, en = Labels("vi"), Labels("en")
    assert vi.number(2.5) == "2,5" and en.number(2.5) == "2.5"
    assert vi.number(3.0) == "3" and vi.number(None) == "—"
    assert vi.out_of(12.25, 16) == "12,25 / 16"
    assert vi.percent(78.125) == "78,1%" and en.percent(78.125) == "78.1%"
    day = dt.date(2025, 3, 9)
    assert vi.date(day) == "09/03/2025" and en.date(day) == "2025-03-09"
    assert vi("page", page=3, total=7) == "Trang 3 / 7" and en("page", page=3, total=7) == "Page 3 / 7"
    assert vi.status("in_progress") == "Đang chấm"
    with pytest.raises(ValueError, match="unknown report language"):
        Labels("fr")


def test_page_frame_counts_pages_and_notes(tmp_path: Path) -> None:
    st = make_styles()
    story = [PageNote("Mã bài: A-1"), *[Paragraph(f"Đoạn {i} " * 40, st.body) for i in range(60)]]
    story += [PageNote("Mã bài: B-2"), Paragraph("Cuối cùng", st.body)]
    setup = PageSetup(Labels("vi"), "Cuộc thi <b>&amp;", "Vòng 1", footer_left="Chân trang", demo=True)
    out = tmp_path / "frame.pdf"
    pages = build_pdf(out, story, setup)
    texts = page_texts(out)
    assert pages == len(texts) > 3
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number} / {pages}" in text
        assert squeeze("[DEMO] Cuộc thi <b>&amp;") in squeeze(text)
        assert "BẢN DEMO" in text
    assert "A-1" in texts[0] and "A-1" in texts[1]
    assert "B-2" in texts[-1]
    assert font_problems(out) == []
    assert not list(tmp_path.glob(".*.tmp"))
