"""The offline worksheet: score a batch in Excel, then import it back as ordinary score changes.

Export (``write_worksheet``) writes one row per assigned entry with a points column (drop-down
validation: the levels, or 0..max in steps) and a comment column per criterion, and an overall
comment column. Only those cells are unlocked; the sheet is protected. A very hidden sheet
``_e2judge`` holds the batch key, the manifest and rubric hashes, the judge, the export time and a
snapshot of every value at export.

Reading back (``read_worksheet``) treats the file as hostile (size, zip and DTD checks, then plain
values only). It checks that the workbook belongs to this batch, judge and rubric, validates every
cell and lists every problem by cell (``Chấm điểm!G5: 7 is above the maximum 5``). It returns the
plan: every cell the judge changed (worksheet value differs from the snapshot), each marked as a
conflict when the app's value also changed since export. It reads no database and changes
nothing: ``services.judge.worksheet`` gathers the current scores, calls it, and applies the plan
in one transaction.

Entries are matched by code, so a worksheet stays usable after the organizer re-issues the batch
(a new revision) with the same rubric; a changed rubric refuses the worksheet, and an entry no
longer assigned is a problem on its row. Points may be typed as text with a decimal comma (``2,5``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.clock import now
from e2judge.core.errors import InputRefused, Problem, ValidationFailed
from e2judge.core.i18n import _
from e2judge.core.i18n import number as show_number
from e2judge.core.labels import Labels
from e2judge.core.records import MAX_COMMENT_CHARS, RoundRef, ScoredEntry, Status
from e2judge.core.rubric import Criterion, Rubric, format_points
from e2judge.core.text import clean_text
from e2judge.xlsx.book import fit_row_heights, print_wide_table, save_workbook
from e2judge.xlsx.cells import cell_at, cell_number, cell_text, set_text, set_value, write_row, xml_safe_text
from e2judge.xlsx.judge_workbook import (
    WARN_FILL,
    WRAP_TOP,
    header_row,
    levels_text,
)
from e2judge.xlsx.safe_read import SheetValues, read_sheets

__all__ = [
    "META_SHEET",
    "PlannedChange",
    "WorksheetPlan",
    "read_worksheet",
    "write_worksheet",
]

META_SHEET = "_e2judge"
FORMAT = "e2judge-worksheet"
VERSION = 1
FIRST_ROW = 2
SNAPSHOT_HEADER_ROW = 12
MAX_LIST_VALUES = 50  # a drop-down list when there are at most this many allowed values
MAX_LIST_FORMULA = 255  # Excel's limit on an explicit list
MAX_ROWS = 20_000
MAX_PROMPT = 250
UNLOCKED = Protection(locked=False)
FIELD_POINTS, FIELD_COMMENT, FIELD_OVERALL = "points", "comment", "overall_comment"

Value = float | str | None
_Where = Callable[[int, int], str]  # (row, column) -> "Sheet!G5"

# ------------------------------------------------------------------------------------------- export


@dataclass(frozen=True)
class _Layout:
    """Where things are on the scoring sheet (stored in the hidden sheet, checked on import)."""

    sheet: str
    headers: list[str]  # row 1, from column A
    criteria: list[tuple[str, int, int]]  # (criterion id, points column, comment column)
    overall: int
    code: int = 1

    def to_json(self) -> str:
        return json.dumps(
            {
                "sheet": self.sheet,
                "headers": self.headers,
                "criteria": [list(c) for c in self.criteria],
                "overall": self.overall,
                "code": self.code,
            },
            ensure_ascii=False,
        )


def _hint(c: Criterion, lb: Labels) -> str:
    if c.levels:
        return lb("hint_levels", values=", ".join(lb.number(p) for p in c.allowed_points()))
    return lb("hint_range", max=lb.number(c.max_points), step=lb.number(c.step))


def _validation(c: Criterion, lb: Labels) -> DataValidation:
    """A drop-down of the allowed values, or a 0..max range (the step is checked on import)."""
    allowed = c.allowed_points()
    listed = ",".join(format_points(p) for p in allowed)
    if (c.levels or len(allowed) <= MAX_LIST_VALUES) and len(listed) + 2 <= MAX_LIST_FORMULA:
        dv = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
    else:
        whole = float(c.step).is_integer() and float(c.max_points).is_integer()
        dv = DataValidation(
            type="whole" if whole else "decimal",
            operator="between",
            formula1="0",
            formula2=format_points(c.max_points),
            allow_blank=True,
        )
    hint = _hint(c, lb)
    prompt = hint
    if c.levels:
        prompt += "\n" + levels_text(c, lb)
    dv.promptTitle = _cut(lb("ws_prompt_title"), 32)
    dv.prompt = _cut(prompt, MAX_PROMPT)
    dv.errorTitle = _cut(lb("ws_error_title"), 32)
    dv.error = _cut(lb("ws_error", hint=hint), MAX_PROMPT)
    dv.showInputMessage = True
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    return dv


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_worksheet(ref: RoundRef, entries: Sequence[ScoredEntry], out: Path, lang: str = "vi") -> None:
    """Write the offline worksheet of ``ref`` to ``out``; ``entries``: every assigned one, current scores."""
    lb = Labels(lang)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = lb("sheet_worksheet")
    layout = _scoring_sheet(ws, ref, entries, lb)
    _help_sheet(wb.create_sheet(lb("sheet_help")), ref, lb)
    meta = wb.create_sheet(META_SHEET)
    _meta_sheet(meta, ref, entries, layout, ref.manifest_sha256)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.active = 0
    wb.security.lockStructure = True
    save_workbook(wb, out)


def _scoring_sheet(ws: Worksheet, ref: RoundRef, entries: Sequence[ScoredEntry], lb: Labels) -> _Layout:
    rubric = ref.rubric
    heads: list[str] = [lb("code"), lb("title")]
    widths: list[float] = [12, 40]
    if not ref.blind:
        heads += [lb("authors"), lb("school"), lb("province")]
        widths += [22, 26, 14]
    heads += [lb("category"), lb("col_status")]
    widths += [14, 15]
    criteria: list[tuple[str, int, int]] = []
    for number, c in enumerate(rubric.criteria, start=1):
        points_col = len(heads) + 1
        heads.append(f"{number}. {c.title} ({_hint(c, lb)})")
        heads.append(f"{lb('comment')} {number}: {c.title}")
        widths += [16, 36]
        criteria.append((c.id, points_col, points_col + 1))
    heads.append(lb("overall_comment"))
    widths.append(44)
    overall = len(heads)
    header_row(ws, heads, widths, height=60)
    last = FIRST_ROW + len(entries) - 1
    for r, e in enumerate(entries, start=FIRST_ROW):
        values: list[object] = [e.code, e.title]
        if not ref.blind:
            values += [e.authors, e.school, e.province]
        values += [e.category, lb.status(e.status.value)]
        for c in rubric.criteria:
            values += [e.points[c.id], e.comments[c.id]]
        values.append(e.overall_comment)
        write_row(ws, r, values)
        editable = e.status is not Status.CONFLICT
        for column in range(1, len(values) + 1):
            cell = cell_at(ws, r, column)
            cell.alignment = WRAP_TOP
        for _cid, points_col, comment_col in criteria:
            for column in (points_col, comment_col):
                if editable:
                    cell_at(ws, r, column).protection = UNLOCKED
            cell_at(ws, r, comment_col).number_format = "@"  # typed "- good" or "=x" stays text
        if editable:
            cell_at(ws, r, overall).protection = UNLOCKED
        cell_at(ws, r, overall).number_format = "@"
        if not editable:
            for column in range(1, len(values) + 1):
                cell_at(ws, r, column).fill = WARN_FILL
    if entries:
        for c, (_cid, points_col, _comment_col) in zip(rubric.criteria, criteria, strict=True):
            dv = _validation(c, lb)
            letter = get_column_letter(points_col)
            dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "C2"
    fit_row_heights(ws)
    print_wide_table(ws, fit_width=False)
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False  # people may widen columns and rows
    protection.formatRows = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False
    return _Layout(ws.title, heads, criteria, overall)


def _help_sheet(ws: Worksheet, ref: RoundRef, lb: Labels) -> None:
    rows: list[tuple[str, str]] = [
        (lb("contest"), ref.contest_name),
        (lb("round"), ref.round_name),
        (lb("info_judge"), f"{ref.judge_name} ({ref.judge_key})"),
        (lb("batch"), lb("batch_value", batch=ref.batch_key, revision=ref.batch_revision)),
        ("", lb("ws_help")),
    ]
    for r, (label, value) in enumerate(rows, start=1):
        set_text(cell_at(ws, r, 1), label)
        set_text(cell_at(ws, r, 2), value)
        cell_at(ws, r, 1).font = Font(bold=True)
        cell_at(ws, r, 2).alignment = Alignment(wrap_text=True, vertical="top")
    start = len(rows) + 2
    heads = [
        lb("criterion"),
        lb("col_max_points"),
        lb("col_levels"),
        lb("col_comment_rule"),
        lb("col_description"),
    ]
    write_row(ws, start, heads)
    for column in range(1, len(heads) + 1):
        cell_at(ws, start, column).font = Font(bold=True)
    for r, c in enumerate(ref.rubric.criteria, start=start + 1):
        write_row(
            ws,
            r,
            [
                c.title,
                c.max_points,
                levels_text(c, lb) or _hint(c, lb),
                lb(f"rule_{c.comment_rule.value}"),
                c.description,
            ],
        )
        for column in range(1, 6):
            cell_at(ws, r, column).alignment = WRAP_TOP
    for letter, width in zip("ABCDE", (30, 70, 40, 26, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.protection.sheet = True


def _snapshot_values(e: ScoredEntry, rubric: Rubric) -> list[Value]:
    values: list[Value] = []
    for c in rubric.criteria:
        values += [e.points[c.id], e.comments[c.id]]
    values.append(e.overall_comment)
    return values


def _norm_text(value: str) -> str:
    """A text as it reads back from a cell written by ``set_text``."""
    return clean_text(xml_safe_text(value))


def _digest(rows: Sequence[tuple[str, Sequence[Value]]]) -> str:
    """A hash of the snapshot as it reads back (text normalised, numbers as floats)."""
    norm = [
        [code, *[v if not isinstance(v, str) else _norm_text(v) for v in values]] for code, values in rows
    ]
    return hashlib.sha256(json.dumps(norm, ensure_ascii=False).encode("utf-8")).hexdigest()


def _meta_sheet(
    ws: Worksheet, ref: RoundRef, entries: Sequence[ScoredEntry], layout: _Layout, manifest_sha: str
) -> None:
    snapshot = [(e.code, _snapshot_values(e, ref.rubric)) for e in entries]
    pairs: list[tuple[str, object]] = [
        ("format", FORMAT),
        ("version", VERSION),
        ("batch_key", ref.batch_key),
        ("manifest_sha256", manifest_sha),
        ("judge_key", ref.judge_key),
        ("rubric_sha256", ref.rubric.sha256()),
        ("exported_at", now().isoformat()),
        ("layout", layout.to_json()),
        ("snapshot_sha256", _digest(snapshot)),
        ("rows", len(snapshot)),
    ]
    for r, (key, value) in enumerate(pairs, start=1):
        set_text(cell_at(ws, r, 1), key)
        set_value(cell_at(ws, r, 2), value)
    head: list[object] = ["code"]
    for c in ref.rubric.criteria:
        head += [f"points:{c.id}", f"comment:{c.id}"]
    head.append("overall")
    write_row(ws, SNAPSHOT_HEADER_ROW, head)
    for r, (code, values) in enumerate(snapshot, start=SNAPSHOT_HEADER_ROW + 1):
        write_row(ws, r, [code, *values])


# ------------------------------------------------------------------------------------------- import


@dataclass(frozen=True)
class PlannedChange:
    """A cell the judge changed in the worksheet, with the value at export and in the app now."""

    where: str  # Sheet!G5
    code: str
    assignment_id: int
    criterion_key: str | None  # None for the overall comment
    field: str  # "points" | "comment" | "overall_comment"
    exported: Value
    current: Value
    new: Value

    @property
    def conflict(self) -> bool:
        """The app's value also changed since the export."""
        return self.current != self.exported

    def __str__(self) -> str:
        what = " ".join(part for part in (self.code, self.criterion_key, _field_name(self.field)) if part)
        if self.conflict:
            text = _(
                "{cell}: {what}: changed in the app since the export ({exported} → {current}) "
                "and in the worksheet ({exported} → {new})"
            )
        else:
            text = _("{cell}: {what}: {exported} → {new}")
        return text.format(
            cell=self.where,
            what=what,
            exported=_show(self.exported),
            current=_show(self.current),
            new=_show(self.new),
        )


def _field_name(field: str) -> str:
    if field == FIELD_POINTS:
        return _("points")
    if field == FIELD_COMMENT:
        return _("comment")
    return _("overall comment")


def _show(value: Value) -> str:
    if value is None or value == "":
        return _("empty")
    if isinstance(value, float):
        return show_number(value)
    one_line = " ".join(value.split())
    return repr(one_line if len(one_line) <= 40 else one_line[:39] + "…")


@dataclass(frozen=True)
class WorksheetPlan:
    """What a valid worksheet asks for: every cell the judge changed, conflicts included."""

    source: str
    changes: tuple[PlannedChange, ...]
    exported_at: str = ""

    @property
    def conflicts(self) -> tuple[PlannedChange, ...]:
        return tuple(c for c in self.changes if c.conflict)


@dataclass
class _Meta:
    batch_key: str
    judge_key: str
    rubric_sha256: str
    manifest_sha256: str
    exported_at: str
    layout: _Layout
    snapshot: dict[str, list[Value]]


def read_worksheet(path: Path, ref: RoundRef, current: Mapping[str, ScoredEntry]) -> WorksheetPlan:
    """Validate the worksheet at ``path`` against ``ref`` and the app's ``current`` scores (by code).

    Raises ``InputRefused`` when the file is not a worksheet of this batch/judge/rubric, and
    ``ValidationFailed`` listing every bad cell. Cells whose value the app already has are left out.
    """
    path = Path(path)
    source = str(path)
    rubric = ref.rubric
    max_columns = 8 + 2 * len(rubric.criteria)
    sheets = _read_sheets(path, max_rows=MAX_ROWS, max_columns=max(max_columns, 4))
    meta_values = sheets.get(META_SHEET)
    if meta_values is None:
        raise InputRefused(source, _("not an E2 Judge worksheet (its hidden sheet _e2judge is missing)"))
    meta = _read_meta(source, meta_values, rubric)
    if meta.batch_key != ref.batch_key:
        raise InputRefused(
            source,
            _("exported for batch {exported}, not for this round's batch {batch}").format(
                exported=meta.batch_key, batch=ref.batch_key
            ),
        )
    if meta.judge_key != ref.judge_key:
        raise InputRefused(
            source,
            _("exported for judge {exported}, not for judge {judge}").format(
                exported=meta.judge_key, judge=ref.judge_key
            ),
        )
    if meta.rubric_sha256 != rubric.sha256():
        raise InputRefused(
            source, _("the rubric has changed since this worksheet was exported; export a new worksheet")
        )
    sheet_values = sheets.get(meta.layout.sheet)
    if sheet_values is None:
        raise InputRefused(
            source, _("the sheet {sheet} is missing (was it renamed?)").format(sheet=repr(meta.layout.sheet))
        )
    problems: list[Problem] = []
    changes = _compare(sheet_values, meta, current, rubric, problems)
    if problems:
        raise ValidationFailed(source, problems)
    changes = [c for c in changes if c.new != c.current]  # the app already has the worksheet's value
    return WorksheetPlan(source, tuple(changes), meta.exported_at)


def _meta_text(meta: SheetValues, row: int) -> str:
    value, _kind = meta.get(row, 2)
    return cell_text(value)


def _read_meta(source: str, meta: SheetValues, rubric: Rubric) -> _Meta:
    keys = {cell_text(meta.get(r, 1)[0]): r for r in range(1, SNAPSHOT_HEADER_ROW)}
    damaged = InputRefused(source, _("the hidden sheet _e2judge is damaged; export a new worksheet"))

    def text(key: str) -> str:
        if key not in keys:
            raise damaged
        return _meta_text(meta, keys[key])

    if text("format") != FORMAT:
        raise InputRefused(source, _("not an E2 Judge worksheet"))
    if text("version") != str(VERSION):
        raise InputRefused(
            source, _("worksheet format version {version} is not supported").format(version=text("version"))
        )
    layout = _parse_layout(text("layout"), rubric)
    if layout is None:
        raise damaged
    count_text = text("rows")
    if not count_text.isdigit() or int(count_text) > MAX_ROWS:
        raise damaged
    width = 2 * len(rubric.criteria) + 1
    snapshot: dict[str, list[Value]] = {}
    ordered: list[tuple[str, list[Value]]] = []
    for r in range(SNAPSHOT_HEADER_ROW + 1, SNAPSHOT_HEADER_ROW + 1 + int(count_text)):
        code = cell_text(meta.get(r, 1)[0])
        values: list[Value] = []
        for i in range(width):
            raw, _kind = meta.get(r, 2 + i)
            if i % 2 == 0 and i < width - 1:
                number = cell_number(raw)
                if raw is not None and number is None:
                    raise damaged
                values.append(number)
            else:
                values.append(cell_text(raw))
        if not code or code in snapshot:
            raise damaged
        snapshot[code] = values
        ordered.append((code, values))
    if _digest(ordered) != text("snapshot_sha256"):
        raise InputRefused(
            source, _("the hidden sheet _e2judge was changed after export; export a new worksheet")
        )
    return _Meta(
        batch_key=text("batch_key"),
        judge_key=text("judge_key"),
        rubric_sha256=text("rubric_sha256"),
        manifest_sha256=text("manifest_sha256"),
        exported_at=text("exported_at"),
        layout=layout,
        snapshot=snapshot,
    )


def _parse_layout(text: str, rubric: Rubric) -> _Layout | None:
    try:
        data: Any = json.loads(text)
        criteria = [(str(cid), int(p), int(c)) for cid, p, c in data["criteria"]]
        layout = _Layout(
            sheet=str(data["sheet"]),
            headers=[str(h) for h in data["headers"]],
            criteria=criteria,
            overall=int(data["overall"]),
            code=int(data["code"]),
        )
    except (ValueError, TypeError, KeyError, RecursionError):  # nested too deeply: damaged too
        return None
    columns = [layout.code, layout.overall] + [c for _cid, p, cc in criteria for c in (p, cc)]
    if (
        [cid for cid, _p, _c in criteria] != [c.id for c in rubric.criteria]
        or len(set(columns)) != len(columns)
        or not all(1 <= c <= len(layout.headers) for c in columns)
    ):
        return None
    return layout


def _compare(
    sheet: SheetValues,
    meta: _Meta,
    current: Mapping[str, ScoredEntry],
    rubric: Rubric,
    problems: list[Problem],
) -> list[PlannedChange]:
    """Every changed cell, with every problem found appended to ``problems``."""
    layout = meta.layout
    title = sheet.title

    def where(row: int, column: int) -> str:
        return f"{title}!{get_column_letter(column)}{row}"

    for column, expected in enumerate(layout.headers, start=1):
        found = cell_text(sheet.get(1, column)[0])
        if found != _norm_text(expected):
            problems.append(
                Problem(
                    where(1, column),
                    _("the header should read {header}; were columns moved? export a new worksheet").format(
                        header=_show(_norm_text(expected))
                    ),
                )
            )
    if problems:
        return []
    if sheet.truncated:
        problems.append(Problem(title, _("too many rows: at most {count} are read").format(count=MAX_ROWS)))
    changes: list[PlannedChange] = []
    seen: dict[str, int] = {}
    criteria = [(rubric.criterion(cid), p, c) for cid, p, c in layout.criteria]
    for row in sorted(r for r in sheet.rows if r >= FIRST_ROW):
        code_raw, _kind = sheet.get(row, layout.code)
        code = cell_text(code_raw)
        if not code:
            editable = [col for _c, p, cc in criteria for col in (p, cc)] + [layout.overall]
            if any(cell_text(sheet.get(row, col)[0]) for col in editable):
                problems.append(Problem(where(row, layout.code), _("this row has no entry code")))
            continue
        if code in seen:
            problems.append(
                Problem(
                    where(row, layout.code),
                    _("entry {code} is also on row {row}").format(code=code, row=seen[code]),
                )
            )
            continue
        seen[code] = row
        exported = meta.snapshot.get(code)
        entry = current.get(code)
        if exported is None or entry is None:
            problems.append(
                Problem(
                    where(row, layout.code),
                    _("entry {code} is not in this batch (or not in this export)").format(code=code),
                )
            )
            continue
        row_changes: list[PlannedChange] = []
        for index, (criterion, points_col, comment_col) in enumerate(criteria):
            points = _read_points(sheet, row, points_col, criterion, where, problems)
            if points is not _BAD and points != exported[2 * index]:
                assert not isinstance(points, _Bad)
                row_changes.append(
                    PlannedChange(
                        where(row, points_col),
                        code,
                        entry.assignment_id,
                        criterion.id,
                        FIELD_POINTS,
                        exported[2 * index],
                        entry.points[criterion.id],
                        points,
                    )
                )
            comment = _read_comment(sheet, row, comment_col, where, problems)
            if comment is not None and comment != exported[2 * index + 1]:
                row_changes.append(
                    PlannedChange(
                        where(row, comment_col),
                        code,
                        entry.assignment_id,
                        criterion.id,
                        FIELD_COMMENT,
                        exported[2 * index + 1],
                        _norm_text(entry.comments[criterion.id]),
                        comment,
                    )
                )
        overall = _read_comment(sheet, row, layout.overall, where, problems)
        if overall is not None and overall != exported[-1]:
            row_changes.append(
                PlannedChange(
                    where(row, layout.overall),
                    code,
                    entry.assignment_id,
                    None,
                    FIELD_OVERALL,
                    exported[-1],
                    _norm_text(entry.overall_comment),
                    overall,
                )
            )
        if row_changes and entry.conflict_reason is not None:
            problems.append(
                Problem(
                    row_changes[0].where,
                    _(
                        "entry {code} is declared as a conflict of interest; withdraw the conflict in the "
                        "app to score it"
                    ).format(code=code),
                )
            )
            continue
        changes.extend(row_changes)
    return changes


class _Bad:
    """Marker for a cell that had a problem."""


_BAD = _Bad()


def _read_points(
    sheet: SheetValues,
    row: int,
    column: int,
    criterion: Criterion,
    where: _Where,
    problems: list[Problem],
) -> float | _Bad | None:
    raw, kind = sheet.get(row, column)
    ref = where(row, column)
    if kind == "f":
        problems.append(Problem(ref, _("a formula is not accepted here; type the points")))
        return _BAD
    if kind == "e":
        problems.append(
            Problem(ref, _("the cell holds the error {error}; type the points").format(error=cell_text(raw)))
        )
        return _BAD
    if raw is None or (isinstance(raw, str) and not cell_text(raw)):
        return None
    number = cell_number(raw)
    if number is None:
        problems.append(Problem(ref, _("{value} is not a number").format(value=_show(cell_text(raw)))))
        return _BAD
    message = criterion.check_points(number)
    if message is not None:
        problems.append(Problem(ref, message))
        return _BAD
    return number


def _read_comment(
    sheet: SheetValues, row: int, column: int, where: _Where, problems: list[Problem]
) -> str | None:
    raw, kind = sheet.get(row, column)
    ref = where(row, column)
    if kind == "f":
        problems.append(Problem(ref, _("a formula is not accepted here; type the comment as text")))
        return None
    if kind == "e":
        problems.append(Problem(ref, _("the cell holds the error {error}").format(error=cell_text(raw))))
        return None
    text = cell_text(raw)
    if len(text) > MAX_COMMENT_CHARS:
        problems.append(
            Problem(
                ref,
                _("the comment is {length} characters long; the limit is {limit}").format(
                    length=len(text), limit=MAX_COMMENT_CHARS
                ),
            )
        )
        return None
    return text


def _read_sheets(path: Path, *, max_rows: int, max_columns: int) -> dict[str, SheetValues]:
    """Every sheet by title (the first of a repeated title), as plain values."""
    found: dict[str, SheetValues] = {}
    for sheet in read_sheets(path, max_rows=max_rows, max_columns=max_columns):
        found.setdefault(sheet.title, sheet)
    return found
