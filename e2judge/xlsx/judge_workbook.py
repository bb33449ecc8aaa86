"""The judge's score workbook: one row per entry, one column per criterion, totals, status, comments.

No formula anywhere: every text cell goes through ``cells.set_text`` (an entry titled
``=HYPERLINK(..)`` stays text). Numbers are real numbers with formats such as ``0.0#``; Excel and
LibreOffice show them with the reader's own decimal separator (``2,5`` in a Vietnamese locale),
since a number format's ``.`` means "the locale's decimal separator".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.clock import now
from e2judge.core.labels import Labels
from e2judge.core.records import RoundRef, ScoredEntry, Status
from e2judge.core.rubric import Criterion, Rubric
from e2judge.xlsx.book import fit_row_heights, print_wide_table, save_workbook
from e2judge.xlsx.cells import cell_at, set_text, set_value, write_row

__all__ = ["points_format", "write_scores_workbook"]

HEAD_FONT = Font(bold=True, color="1F4E79")
HEAD_FILL = PatternFill("solid", fgColor="E4EBF2")
HEAD_ALIGN = Alignment(wrap_text=True, vertical="center")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
WARN_FILL = PatternFill("solid", fgColor="FBE9E7")
TOTAL_FORMAT = "0.0#"
PERCENT_FORMAT = "0.0%"


def points_format(criterion: Criterion) -> str:
    """``0`` when every allowed value is whole, else ``0.0#``."""
    whole = all(float(p).is_integer() for p in criterion.allowed_points())
    return "0" if whole else TOTAL_FORMAT


def header_row(ws: Worksheet, headers: Sequence[str], widths: Sequence[float], height: float = 32) -> None:
    """Write a styled header in row 1 with column widths."""
    write_row(ws, 1, list(headers))
    for column, width in enumerate(widths, start=1):
        cell = cell_at(ws, 1, column)
        cell.font, cell.fill, cell.alignment = HEAD_FONT, HEAD_FILL, HEAD_ALIGN
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[1].height = height


def write_scores_workbook(ref: RoundRef, entries: Sequence[ScoredEntry], out: Path, lang: str = "vi") -> None:
    """Write the judge's score workbook of ``entries`` to ``out`` (sheets: scores, rubric, about)."""
    lb = Labels(lang)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = lb("sheet_scores")
    _scores_sheet(ws, ref, entries, lb)
    rubric_sheet(wb.create_sheet(lb("sheet_rubric")), ref.rubric, lb)
    _info_sheet(wb.create_sheet(lb("sheet_info")), ref, lb, now())
    save_workbook(wb, out)


def _scores_sheet(ws: Worksheet, ref: RoundRef, entries: Sequence[ScoredEntry], lb: Labels) -> None:
    rubric = ref.rubric
    people = not ref.blind
    heads: list[str] = [lb("code"), lb("title")]
    widths: list[float] = [12, 42]
    if people:
        heads += [lb("authors"), lb("school"), lb("province")]
        widths += [24, 28, 16]
    heads.append(lb("category"))
    widths.append(16)
    first_points = len(heads) + 1
    for c in rubric.criteria:
        heads.append(f"{c.title} ({lb('col_max', max=lb.number(c.max_points))})")
        widths.append(14)
    heads += [lb("col_raw_total"), lb("col_weighted_total"), lb("col_percent"), lb("col_status")]
    widths += [11, 13, 9, 16]
    first_total = first_points + len(rubric.criteria)
    heads.append(lb("overall_comment"))
    widths.append(48)
    heads += [lb("col_comment_of", title=c.title) for c in rubric.criteria]
    widths += [36] * len(rubric.criteria)
    heads.append(lb("col_conflict"))
    widths.append(30)
    header_row(ws, heads, widths, height=45)
    formats = [points_format(c) for c in rubric.criteria]
    for r, e in enumerate(entries, start=2):
        t = e.totals
        scored = t.scored > 0
        values: list[object] = [e.code, e.title]
        if people:
            values += [e.authors, e.school, e.province]
        values.append(e.category)
        values += [e.points[c.id] for c in rubric.criteria]
        values += [
            t.raw if scored else None,
            t.weighted if scored else None,
            t.weighted / t.weighted_max if scored and t.weighted_max else None,
            lb.status(e.status.value),
            e.overall_comment,
        ]
        values += [e.comments[c.id] for c in rubric.criteria]
        values.append(e.conflict_reason or "")
        write_row(ws, r, values)
        for column in range(1, len(values) + 1):
            cell = cell_at(ws, r, column)
            cell.alignment = WRAP_TOP if isinstance(cell.value, str) and column != 1 else TOP
        for i, fmt in enumerate(formats):
            cell_at(ws, r, first_points + i).number_format = fmt
        cell_at(ws, r, first_total).number_format = TOTAL_FORMAT
        cell_at(ws, r, first_total + 1).number_format = TOTAL_FORMAT
        cell_at(ws, r, first_total + 2).number_format = PERCENT_FORMAT
        if e.status is not Status.COMPLETE:
            cell_at(ws, r, first_total + 3).fill = WARN_FILL
    ws.freeze_panes = "C2"
    last = get_column_letter(len(heads))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(entries)) + 1}"
    fit_row_heights(ws)
    print_wide_table(ws, fit_width=False)


def _rule(criterion: Criterion, lb: Labels) -> str:
    return lb(f"rule_{criterion.comment_rule.value}")


def levels_text(criterion: Criterion, lb: Labels) -> str:
    """The levels as lines ``3: descriptor``; "" without levels."""
    return "\n".join(f"{lb.number(lv.points)}: {lv.descriptor}" for lv in criterion.levels)


def rubric_sheet(ws: Worksheet, rubric: Rubric, lb: Labels) -> None:
    """The rubric, one criterion per row."""
    heads = [
        lb("col_criterion_id"),
        lb("col_section"),
        lb("criterion"),
        lb("col_description"),
        lb("col_max_points"),
        lb("col_step"),
        lb("col_weight"),
        lb("col_levels"),
        lb("col_comment_rule"),
    ]
    header_row(ws, heads, [16, 20, 32, 40, 11, 10, 10, 48, 22])
    for r, c in enumerate(rubric.criteria, start=2):
        values: list[object] = [
            c.id,
            c.section,
            c.title,
            c.description,
            c.max_points,
            None if c.levels else c.step,
            c.weight,
            levels_text(c, lb),
            _rule(c, lb),
        ]
        write_row(ws, r, values)
        for column in range(1, len(values) + 1):
            cell_at(ws, r, column).alignment = WRAP_TOP
    ws.freeze_panes = "A2"


def _info_sheet(ws: Worksheet, ref: RoundRef, lb: Labels, at: dt.datetime) -> None:
    rows: list[tuple[str, object]] = [
        (lb("contest"), ref.contest_name),
        (lb("round"), ref.round_name),
        (lb("info_judge"), f"{ref.judge_name} ({ref.judge_key})"),
        (lb("batch"), lb("batch_value", batch=ref.batch_key, revision=ref.batch_revision)),
        (lb("info_blind"), lb("yes") if ref.blind else lb("no")),
        (lb("info_exported"), at.astimezone().strftime("%Y-%m-%d %H:%M")),
    ]
    for r, (label, value) in enumerate(rows, start=1):
        set_text(cell_at(ws, r, 1), label)
        set_value(cell_at(ws, r, 2), value)
        cell_at(ws, r, 1).font = HEAD_FONT
    if ref.demo:
        set_text(cell_at(ws, len(rows) + 2, 1), lb("demo"))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 70
