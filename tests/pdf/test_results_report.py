"""The organizer's results report: from a real workspace (real sheets collected) and from edge cases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2judge.core.rubric import Criterion, Rubric
from e2judge.pdf.chart import MAX_ROWS, quantile
from e2judge.pdf.results_report import judge_series, write_results_pdf
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.services.org.collect import collect_sheets
from e2judge.services.org.results import EntryResult, JudgeResult, JudgeScore, Results, compute_results
from tests.helpers.sheet_world import JUDGE_PASSPHRASE, build_org, judge_profile, pick, score_round
from tests.pdf.pdfcheck import font_problems, page_texts, squeeze


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    """The demo contest built, scored by every judge (GK01 harsh, GK02 lenient) and collected."""
    root = tmp_path_factory.mktemp("results")
    org = build_org(root)
    sheets = root / "sheets"
    sheets.mkdir()
    for index, (key, batch) in enumerate(sorted(org.batches.items())):
        profile, db, ref = judge_profile(root / f"judge-{key}", batch)
        shift = {0: -2, 1: 1}.get(index, 0)
        try:
            score_round(db, ref, lambda code, c, s=shift: pick(code, c, s))  # type: ignore[misc]
            export_sheet(db, profile, ref, sheets, JUDGE_PASSPHRASE, seal=False)
        finally:
            db.close()
    collect_sheets(org.orgdir, [sheets])
    yield compute_results(org.orgdir)


@pytest.mark.slow
def test_results_report_from_a_real_workspace(results: Results, tmp_path: Path) -> None:
    out = tmp_path / "results.pdf"
    pages = write_results_pdf(results, out)
    texts = page_texts(out)
    assert pages == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number} / {pages}" in text
        assert results.contest_name in text
    assert font_problems(out) == []
    flat = squeeze(" ".join(texts))
    for expected in (
        "KẾT QUẢ CHẤM THI",
        "Bảng xếp hạng",
        "Điểm trung bình chung",
        "Phân bố tổng điểm theo giám khảo",
        "% tổng điểm tối đa",
        "TB chung",
        "Lệch so với TB chung",
    ):
        assert squeeze(expected) in flat, expected
    ranked = [e for e in results.entries if e.rank is not None]
    positions = [flat.index(squeeze(e.code)) for e in ranked[:10]]
    assert positions == sorted(positions)
    flagged = [e for e in results.entries if e.discrepancy]
    assert flagged  # the harsh and lenient judges disagree somewhere
    section = flat[flat.index(squeeze("Chênh lệch giữa các giám khảo")) :]
    for e in flagged:
        assert e.code in section
    for j in results.judges:
        assert squeeze(f"{j.judge_key}{j.name}") in flat
        assert squeeze(j.fingerprint) in flat
    harsh = next(j for j in results.judges if j.judge_key == "GK01")
    assert harsh.severity is not None and harsh.severity < 0
    assert "−" + squeeze(f"{-harsh.severity:.2f}".replace(".", ",")).rstrip("0").rstrip(",") in flat
    series = {s.key: s for s in judge_series(results)}
    assert len(series["GK01"].percents) == harsh.scored


@pytest.mark.slow
def test_results_report_in_english(results: Results, tmp_path: Path) -> None:
    out = tmp_path / "results-en.pdf"
    pages = write_results_pdf(results, out, lang="en")
    texts = page_texts(out)
    assert f"Page {pages} / {pages}" in texts[-1]
    flat = squeeze(" ".join(texts))
    assert squeeze("CONTEST RESULTS") in flat and squeeze("Distribution of totals per judge") in flat
    assert re.search(r"\d\.\d", " ".join(texts))  # decimal point, not comma


def _rubric() -> Rubric:
    return Rubric((Criterion("a", "S", "Nội dung", "", 10, 0.5),))


def _entry(code: str, title: str, totals: dict[str, float], rank: int | None) -> EntryResult:
    values = list(totals.values())
    return EntryResult(
        code=code,
        title=title,
        authors="<i>Lê</i> & Trần",
        school="THPT \u202eĐảo",
        province="Huế",
        category="",
        assigned=len(totals),
        returned=len(values),
        conflicted=0,
        totals=tuple(JudgeScore(k, v) for k, v in totals.items()),
        mean=sum(values) / len(values) if values else None,
        median=None,
        minimum=None,
        maximum=None,
        spread=(max(values) - min(values)) if values else None,
        normalised=None,
        normalised_fallback=bool(values),
        discrepancy=len(values) > 1,
        rank=rank,
    )


def _judge(key: str) -> JudgeResult:
    return JudgeResult(
        judge_key=key,
        name=f"Giám khảo {key}",
        assigned=3,
        scored=2,
        conflicts=1,
        mean=5.0,
        sd=1.0,
        severity=-0.5,
        last_revision=None,
        missing=tuple(f"M{i}" for i in range(20)),
        normalised=False,
        fingerprint="",
        key_source="",
    )


def test_hostile_text_many_judges_and_nothing_returned(tmp_path: Path) -> None:
    judges = tuple(_judge(f"GK{i:02d}") for i in range(MAX_ROWS + 8))
    entries = (
        _entry("X1", '=HYPERLINK("http://x")', {"GK00": 9.5, "GK01": 2}, 1),
        _entry("X2", "<b>đậm</b> &amp; nhạt", {"GK02": 5}, 2),
        _entry("X3", "Chưa ai chấm", {}, None),
    )
    results = Results(
        "c", "Cuộc thi <thử> & nghiệm", "Vòng 1", _rubric(), 3.0, "raw", 5.5, entries, judges, ()
    )
    out = tmp_path / "edge.pdf"
    pages = write_results_pdf(results, out)
    flat = squeeze(" ".join(page_texts(out)))
    for literal in (
        '=HYPERLINK("http://x")',
        "<b>đậm</b> &amp; nhạt",
        "<i>Lê</i> & Trần",
        "THPT Đảo",
        "Cuộc thi <thử> & nghiệm",
        "Chưa trả: M0, M1",
        "−0,5",
        "*",
    ):
        assert squeeze(literal) in flat, literal
    assert all(f"GK{i:02d}" in flat for i in range(len(judges)))
    assert pages >= 2 and font_problems(out) == []
    empty = Results(
        "c",
        "Cuộc thi",
        "Vòng 1",
        _rubric(),
        3.0,
        "normalised",
        None,
        (_entry("Y1", "Chưa ai chấm", {}, None),),
        (_judge("GK01"),),
        (),
    )
    out2 = tmp_path / "empty.pdf"
    write_results_pdf(empty, out2)
    flat2 = squeeze(" ".join(page_texts(out2)))
    assert squeeze("Chưa có phiếu điểm nào được thu về.") in flat2
    assert squeeze("Phân bố tổng điểm") not in flat2  # no chart without data


def test_quantile() -> None:
    assert quantile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert quantile([1.0, 2.0, 3.0, 4.0], 0.25) == 1.75
    assert quantile([7.0], 0.75) == 7.0
    with pytest.raises(ValueError, match="no values"):
        quantile([], 0.5)
