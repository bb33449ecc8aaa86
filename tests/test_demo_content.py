"""The committed demo contests in resources/demo: workbooks, attachments and their fonts."""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from e2judge.core.text import same_school

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo"
CONTESTS = ("e2-2022", "showcase-2023")
ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
SHOWCASE_NAMES = [
    "Cam kết chuyển đổi",
    "Xây dựng văn hóa học và phát triển",
    "Cá nhân hóa việc học cho mọi đối tượng",
    "Trang bị cho học sinh những kỹ năng sẵn sàng cho tương lai",
    "Các quyết định được dựa trên dữ liệu",
    "Đạt hiệu quả tích cực từ việc ứng dụng các giải pháp của Microsoft",
]


def _sheet(contest: str, name: str) -> list[dict[str, Any]]:
    """Rows of one sheet as dicts keyed by the "(key)" part of each header."""
    wb = openpyxl.load_workbook(DEMO / contest / "workbook.xlsx")
    rows = list(wb[name].iter_rows(values_only=True))
    keys = [re.fullmatch(r".*\((\w+)\)", str(h)).group(1) for h in rows[0]]  # type: ignore[union-attr]
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def _contest(contest: str) -> dict[str, Any]:
    return {row["key"]: row["value"] for row in _sheet(contest, "Contest")}


def _attachments(contest: str) -> list[str]:
    return [
        name for row in _sheet(contest, "Entries") for name in (row["attachments"] or "").split(";") if name
    ]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_content", REPO / "scripts" / "demo_content.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["demo_content"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _fonts(reader: PdfReader) -> set[str]:
    """BaseFont names used on every page, including inside form XObjects."""
    names: set[str] = set()

    def walk(resources: DictionaryObject | None) -> None:
        if resources is None:
            return
        for font in resources.get("/Font", DictionaryObject()).get_object().values():
            names.add(str(font.get_object()["/BaseFont"]))
        for ref in resources.get("/XObject", DictionaryObject()).get_object().values():
            xobj = ref.get_object()
            if "/Resources" in xobj:
                walk(xobj["/Resources"].get_object())

    for page in reader.pages:
        walk(page.get("/Resources", DictionaryObject()).get_object())
    return names


def test_workbooks_have_the_four_sheets_in_order() -> None:
    for contest in CONTESTS:
        wb = openpyxl.load_workbook(DEMO / contest / "workbook.xlsx")
        assert wb.sheetnames == ["Contest", "Entries", "Judges", "Rubric"]
        assert _contest(contest)["contest_id"] == contest


def test_e2_has_many_entries_from_many_provinces() -> None:
    entries = _sheet("e2-2022", "Entries")
    provinces = {unicodedata.normalize("NFC", e["province"]) for e in entries}
    assert len(entries) >= 40
    assert len(provinces) >= 15
    assert 3 <= len({e["category"] for e in entries}) <= 4
    assert sum(1 for e in entries if e["attachments"]) > len(entries) // 2
    contest = _contest("e2-2022")
    assert contest["blind"] == "no"
    assert contest["deadline"] == "2023-03-15"
    assert contest["discrepancy_threshold"] is None


def test_ids_are_safe_and_unique() -> None:
    for contest in CONTESTS:
        for sheet, key in (("Entries", "code"), ("Judges", "judge_id"), ("Rubric", "criterion_id")):
            ids = [row[key] for row in _sheet(contest, sheet)]
            assert all(ID_RE.match(i) for i in ids), (contest, sheet, ids)
            assert len(set(ids)) == len(ids), (contest, sheet)


def test_showcase_rubric_is_the_six_forum_criteria() -> None:
    rubric = _sheet("showcase-2023", "Rubric")
    assert [r["criterion"] for r in rubric] == SHOWCASE_NAMES
    for r in rubric:
        assert (r["max_points"], r["step"], r["weight"], r["levels"]) == (10, 0.5, 1, None)
        assert r["description"]
    assert _contest("showcase-2023")["blind"] == "yes"
    assert len(_sheet("showcase-2023", "Judges")) == 4


def test_e2_rubric_has_four_levels_per_criterion_and_comment_rules() -> None:
    rubric = _sheet("e2-2022", "Rubric")
    assert len(rubric) == 6
    for r in rubric:
        points = [line.split(":", 1)[0] for line in r["levels"].split("\n")]
        assert points == ["1", "2", "3", "4"], r["criterion_id"]
        assert (r["max_points"], r["step"]) == (4, 1)
    rules = [r["comment_rule"] for r in rubric]
    assert "extremes" in rules and "lowest" in rules


def test_every_referenced_attachment_exists_and_none_is_orphaned() -> None:
    for contest in CONTESTS:
        folder = DEMO / contest / "attachments"
        names = _attachments(contest)
        assert names, contest
        missing = [n for n in names if not (folder / n).is_file()]
        assert missing == [], contest
        assert sorted(p.name for p in folder.iterdir()) == sorted(names), contest


def test_demo_folder_stays_small() -> None:
    """The sources stay under 3 MB, and the signed batches built from them under 8 MB."""
    batches = DEMO / "batches"
    sources = sum(p.stat().st_size for p in DEMO.rglob("*") if p.is_file() and batches not in p.parents)
    built = sum(p.stat().st_size for p in batches.glob("*.e2batch"))
    assert sources < 3 * 1024 * 1024
    assert 0 < built < 8 * 1024 * 1024


def test_hostile_but_legit_texts_are_stored_as_plain_text() -> None:
    wb = openpyxl.load_workbook(DEMO / "e2-2022" / "workbook.xlsx")
    titles = [c for c in wb["Entries"]["B"][1:] if str(c.value).startswith("=")]
    assert len(titles) == 1
    assert titles[0].data_type == "s"  # a string, not a formula
    descriptions = [e["description"] for e in _sheet("e2-2022", "Entries")]
    assert any("<b>" in d and "&" in d for d in descriptions)


def test_exactly_one_author_is_stored_decomposed() -> None:
    entries = _sheet("e2-2022", "Entries")
    nfd = [e for e in entries if unicodedata.normalize("NFC", e["authors"]) != e["authors"]]
    assert len(nfd) == 1
    assert unicodedata.is_normalized("NFD", nfd[0]["authors"])
    assert unicodedata.normalize("NFC", nfd[0]["authors"]).startswith("Đoàn Thị Kiều Trinh")
    others = [v for e in entries if e is not nfd[0] for v in e.values() if isinstance(v, str)]
    assert all(unicodedata.is_normalized("NFC", v) for v in others)


def test_a_judge_shares_a_school_with_an_entry() -> None:
    for contest in CONTESTS:
        schools = [e["school"] for e in _sheet(contest, "Entries")]
        judges = _sheet(contest, "Judges")
        assert any(same_school(j["school"], s) for j in judges for s in schools), contest
        assert all(j["email"].endswith("@example.edu.vn") for j in judges)


@pytest.mark.parametrize("contest", CONTESTS)
def test_pdfs_embed_be_vietnam_pro_and_never_helvetica(contest: str) -> None:
    pdfs = sorted((DEMO / contest / "attachments").glob("*.pdf"))
    assert len(pdfs) >= (20 if contest == "e2-2022" else 5)
    for path in pdfs:
        reader = PdfReader(path)
        assert 1 <= len(reader.pages) <= 2, path.name
        fonts = _fonts(reader)
        assert fonts, path.name
        assert all("BeVietnamPro" in f for f in fonts), (path.name, fonts)
        assert b"Helvetica" not in path.read_bytes(), path.name
        text = reader.pages[0].extract_text()
        assert "Đ" in text or "đ" in text, path.name


def test_pngs_are_small_pictures() -> None:
    for contest in CONTESTS:
        for path in (DEMO / contest / "attachments").glob("*.png"):
            with Image.open(path) as image:
                assert image.size == (640, 400), path.name
            assert path.stat().st_size < 64 * 1024, path.name


def test_committed_workbooks_match_the_script() -> None:
    module = _load_script()
    assert module.check_content() == []
    assert len(module.LESSONS) == len(_sheet("e2-2022", "Entries"))


@pytest.mark.slow
def test_generation_is_deterministic_and_matches_committed_workbooks(tmp_path: Path) -> None:
    module = _load_script()
    first = module.write_demo_sources(tmp_path / "a")
    second = module.write_demo_sources(tmp_path / "b")
    assert [p.name for p in first] == list(CONTESTS)
    for a, b in zip(first, second, strict=True):
        files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
        files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
        assert files_a == files_b
        for rel in files_a:
            assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
        assert (a / "workbook.xlsx").read_bytes() == (DEMO / a.name / "workbook.xlsx").read_bytes()
        committed = sorted(p.relative_to(DEMO / a.name) for p in (DEMO / a.name).rglob("*") if p.is_file())
        assert committed == files_a
