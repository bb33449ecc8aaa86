"""Read and validate the organizer's workbook into a ``ContestSpec``.

The file is treated as hostile: it is size-checked and scanned for DTD/entity declarations before
openpyxl sees it, cells are read as plain values, and every problem is collected (sheet and cell)
before one ``ValidationFailed`` is raised. Nothing is returned unless the whole workbook is valid.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from e2judge.core import limits
from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.errors import Problem, ValidationFailed
from e2judge.core.filenames import is_reserved_name
from e2judge.core.i18n import _, number
from e2judge.core.moderation import DEFAULT_RULE, RULES
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric, criterion_problems, level_problem
from e2judge.core.text import clean_line, clean_text, fold
from e2judge.xlsx.cells import cell_number, raw_text
from e2judge.xlsx.org_template import (
    BLIND_DEFAULT,
    BLIND_FALSE,
    BLIND_TRUE,
    COMMENT_RULES,
    CONTEST_HEADER,
    CONTEST_KEYS,
    CONTEST_REQUIRED,
    ENTRY_COLUMNS,
    ENTRY_REQUIRED,
    JUDGE_COLUMNS,
    JUDGE_REQUIRED,
    RUBRIC_COLUMNS,
    RUBRIC_REQUIRED,
    SHEET_CONTEST,
    SHEET_ENTRIES,
    SHEET_JUDGES,
    SHEET_RUBRIC,
    header_label,
)
from e2judge.xlsx.safe_read import Raw, SheetValues, read_sheets

MAX_ROWS = 300_000  # per sheet: a hang and memory guard, not a contest size (250,000+ entries fit)
MAX_COLUMNS = 100  # columns beyond this are not read
# Text, count and rubric limits are the shared ones in core/limits.py and core/rubric.py, so what
# this reader accepts is exactly what ``org build`` may sign and a judge's import accepts.
# Rubric cells holding each criterion field, for the core's rubric problems.
_RUBRIC_FIELDS = {"id": "criterion_id", "title": "criterion"}

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

_KNOWN_SHEETS = frozenset(n.casefold() for n in (SHEET_CONTEST, SHEET_ENTRIES, SHEET_JUDGES, SHEET_RUBRIC))


# ---------------------------------------------------------------------------------------------- load


def read_workbook(path: Path) -> ContestSpec:
    """Read, validate and return the contest described by the organizer's workbook at ``path``.

    Raises ``InputRefused`` when the file is not a readable .xlsx workbook, and ``ValidationFailed``
    listing every problem (with sheet and cell) when its content is not valid.
    """
    found = inspect_workbook(path)
    if found.problems or found.spec is None:
        raise ValidationFailed(str(path), found.problems)
    return found.spec


@dataclass(frozen=True)
class WorkbookReading:
    """Everything one pass over the workbook found: the spec (None when there are problems), the
    entries and judges it could read even so (for the checks that need them), and every problem."""

    spec: ContestSpec | None
    entries: tuple[EntrySpec, ...]
    judges: tuple[JudgeSpec, ...]
    problems: tuple[Problem, ...]
    contest_id: str = ""  # as read, even when other sheets have problems ("" when unreadable)
    round: str = ""


def inspect_workbook(path: Path) -> WorkbookReading:
    """Read the workbook once and report every problem of every sheet, without raising for them.

    Raises ``InputRefused`` only when the file is not a readable .xlsx workbook at all.
    """
    sheets, load_problems = _load(Path(path))
    problems = list(load_problems)
    validator = _Validator(sheets, problems)
    spec = validator.spec()
    contest = validator.contest
    return WorkbookReading(
        None if problems else spec,
        tuple(validator.entries),
        tuple(validator.judges),
        tuple(problems),
        str(contest.get("contest_id") or ""),
        str(contest.get("round") or ""),
    )


def _load(path: Path) -> tuple[dict[str, SheetValues], list[Problem]]:
    """The workbook's sheets as plain values (keyed by folded sheet name) and size problems."""
    sheets: dict[str, SheetValues] = {}
    problems: list[Problem] = []
    for sheet in read_sheets(path, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS):
        key = _fold_key(sheet.title)
        if key in sheets:
            if key in _KNOWN_SHEETS:
                problems.append(
                    Problem(
                        sheet.title,
                        _("two sheets are named '{sheet}' (case and spaces ignored); keep only one").format(
                            sheet=sheets[key].title
                        ),
                    )
                )
            continue
        sheets[key] = sheet
        if sheet.truncated_at is not None:
            problems.append(
                Problem(
                    _row(sheet.title, sheet.truncated_at),
                    _("too many rows: at most {count} are read").format(count=MAX_ROWS),
                )
            )
    return sheets, problems


def _row(sheet: str, row: int) -> str:
    return _("{sheet} row {row}").format(sheet=sheet, row=row)


def _fold_key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


# ------------------------------------------------------------------------------------------ validate


class _Validator:
    """Collects every problem of the loaded sheets and builds the spec when there are none."""

    def __init__(self, sheets: Mapping[str, SheetValues], problems: list[Problem]) -> None:
        self.sheets = sheets
        self.problems = problems
        self.entries: list[EntrySpec] = []
        self.judges: list[JudgeSpec] = []
        self.contest: dict[str, object] = {}

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def spec(self) -> ContestSpec | None:
        contest = self._contest()
        entries = self._entries()
        judges = self._judges()
        self.entries, self.judges, self.contest = entries or [], judges or [], contest or {}
        criteria = self._rubric()
        if self.problems or contest is None or entries is None or judges is None or criteria is None:
            return None
        return ContestSpec(
            contest_id=str(contest["contest_id"]),
            contest_name=str(contest["contest_name"]),
            round=str(contest["round"]),
            deadline=str(contest["deadline"]),
            blind=bool(contest["blind"]),
            discrepancy_threshold=_opt_float(contest["discrepancy_threshold"]),
            rubric=Rubric(tuple(criteria)),
            entries=tuple(entries),
            judges=tuple(judges),
            moderation_rule=str(contest["moderation_rule"] or DEFAULT_RULE),
        )

    # -- shared helpers -----------------------------------------------------------------------------

    def _sheet(self, name: str) -> SheetValues | None:
        sheet = self.sheets.get(_fold_key(name))
        if sheet is None:
            self.add(name, _("sheet is missing (use the template's sheet names)"))
        return sheet

    def _header(
        self, sheet: SheetValues, columns: Mapping[str, str], required: Sequence[str]
    ) -> dict[str, int]:
        """Map field keys to column numbers from the first row; report missing and repeated columns."""
        found: dict[str, int] = {}
        for col, raw in sorted(sheet.rows.get(1, {}).items()):
            ref = f"{sheet.title}!{get_column_letter(col)}1"
            text = self._plain(ref, raw)
            key = _match_key(text, columns) if text else None
            if key is None:
                continue
            if key in found:
                self.add(
                    ref,
                    _("column {key} appears twice (also in column {column})").format(
                        key=key, column=get_column_letter(found[key])
                    ),
                )
                continue
            found[key] = col
        for key in required:
            if key not in found:
                self.add(
                    _("{sheet}: column {key}").format(sheet=sheet.title, key=key),
                    _("required column is missing; the first row needs a header '{label}' or '{key}'").format(
                        label=header_label(key, columns[key]), key=key
                    ),
                )
        return found

    def _plain(self, ref: str, raw: Raw) -> str | None:
        """The cell's raw text, or None (reported) when it holds a formula or an error value."""
        value, data_type = raw
        if data_type == "f":
            self.add(ref, _("holds a formula; type the value instead of a formula"))
            return None
        if data_type == "e":
            self.add(
                ref, _("holds the error value {error}; type the value instead").format(error=raw_text(value))
            )
            return None
        return raw_text(value)

    def _records(self, sheet: SheetValues, columns: Mapping[str, int]) -> Iterator[_Record]:
        """The data rows below the header that have something in a known column."""
        for row_no in sorted(sheet.rows):
            if row_no == 1:
                continue
            cells = sheet.rows[row_no]
            record = _Record(self, sheet.title, row_no, {k: c for k, c in columns.items()}, cells)
            if record.is_empty():
                continue
            yield record

    def _check_unique(self, seen: dict[str, str], value: str, ref: str, key: str) -> None:
        folded = value.casefold()
        if folded in seen:
            self.add(
                ref,
                _("{key} '{value}' is used twice (also in {other}; case is ignored)").format(
                    key=key, value=value, other=seen[folded]
                ),
            )
        else:
            seen[folded] = ref

    # -- Contest ------------------------------------------------------------------------------------

    def _contest(self) -> dict[str, object] | None:
        sheet = self._sheet(SHEET_CONTEST)
        if sheet is None:
            return None
        columns = self._header(sheet, CONTEST_HEADER, ("key", "value"))
        if "key" not in columns or "value" not in columns:
            return None
        key_col, value_col = columns["key"], columns["value"]
        found: dict[str, tuple[str, Raw | None, str]] = {}  # key -> (value ref, value, key ref)
        for row_no in sorted(sheet.rows):
            if row_no == 1:
                continue
            cells = sheet.rows[row_no]
            key_ref = f"{sheet.title}!{get_column_letter(key_col)}{row_no}"
            key_raw = cells.get(key_col)
            key_text = self._plain(key_ref, key_raw) if key_raw is not None else ""
            key = _match_key(clean_line(key_text), CONTEST_KEYS) if key_text else None
            if key is None:
                continue  # notes and unknown keys are ignored
            value_ref = f"{sheet.title}!{get_column_letter(value_col)}{row_no}"
            if key in found:
                self.add(
                    key_ref,
                    _("key {key} appears twice (also in {other})").format(key=key, other=found[key][2]),
                )
                continue
            found[key] = (value_ref, cells.get(value_col), key_ref)

        result: dict[str, object] = {}
        for key in CONTEST_KEYS:
            if key not in found:
                if key in CONTEST_REQUIRED:
                    self.add(
                        _("{sheet}: key {key}").format(sheet=sheet.title, key=key),
                        _("required key is missing; add a row '{key}' with its value").format(key=key),
                    )
                result[key] = None
                continue
            ref, raw, _key_ref = found[key]
            value: object = None
            if raw is not None:
                text = self._plain(ref, raw)
                if text is None:
                    result[key] = None
                    continue
                value = raw[0]
            result[key] = self._contest_value(key, ref, value)
        return result

    def _contest_value(self, key: str, ref: str, value: object) -> object:
        blank = not clean_text(raw_text(value))
        if key in CONTEST_REQUIRED and blank:
            self.add(ref, _("{key} needs a value").format(key=key))
            return None
        if key == "contest_id":
            return self._ident(ref, key, clean_line(raw_text(value)))
        if key in ("contest_name", "round"):
            return self._limited(ref, key, clean_line(raw_text(value)), limits.MAX_LINE)
        if key == "deadline":
            return "" if blank else self._deadline(ref, value)
        if key == "blind":
            return BLIND_DEFAULT if blank else self._blind(ref, value)
        if key == "discrepancy_threshold":
            if blank:
                return None
            threshold = cell_number(value)
            if threshold is None or threshold < 0 or threshold > limits.MAX_THRESHOLD:
                self.add(
                    ref,
                    _(
                        "discrepancy_threshold '{value}' is not a number ≥ 0 (leave it blank for the default)"
                    ).format(value=clean_line(raw_text(value))),
                )
            return threshold
        if key == "moderation_rule":
            if blank:
                return DEFAULT_RULE
            rule = clean_line(raw_text(value)).casefold().replace(" ", "_").replace("-", "_")
            if rule not in RULES:
                self.add(
                    ref,
                    _("moderation_rule '{value}' is not one of {choices}").format(
                        value=clean_line(raw_text(value)), choices=", ".join(RULES)
                    ),
                )
                return DEFAULT_RULE
            return rule
        return None

    def _deadline(self, ref: str, value: object) -> str:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = clean_line(raw_text(value))
        if isinstance(value, str) and _DATE_RE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text).isoformat()
            except ValueError:
                pass
        self.add(
            ref,
            _("deadline '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30").format(value=text),
        )
        return ""

    def _blind(self, ref: str, value: object) -> bool:
        if isinstance(value, bool):
            return value
        text = clean_line(raw_text(value))
        folded = fold(text)
        if folded in {fold(v) for v in BLIND_TRUE}:
            return True
        if folded in {fold(v) for v in BLIND_FALSE}:
            return False
        choices = "/".join(BLIND_TRUE + BLIND_FALSE)
        self.add(ref, _("blind '{value}' is not one of {choices}").format(value=text, choices=choices))
        return BLIND_DEFAULT

    def _ident(self, ref: str, key: str, value: str) -> str:
        if not value:
            return value
        bad = limits.id_problem(value)
        if bad:
            self.add(ref, _("{key} '{value}' {problem}").format(key=key, value=value[:80], problem=bad))
        elif is_reserved_name(value):
            self.add(ref, _reserved(key, value))
        return value

    def _limited(self, ref: str, key: str, value: str, limit: int) -> str:
        """``value``, with a problem added when it is longer than ``limit`` characters."""
        bad = limits.text_problem(value, limit)
        if bad:
            self.add(ref, _("{key} {problem}").format(key=key, problem=bad))
        return value

    # -- Entries ------------------------------------------------------------------------------------

    def _entries(self) -> list[EntrySpec] | None:
        sheet = self._sheet(SHEET_ENTRIES)
        if sheet is None:
            return None
        columns = self._header(sheet, ENTRY_COLUMNS, ENTRY_REQUIRED)
        entries: list[EntrySpec] = []
        seen: dict[str, str] = {}
        for rec in self._records(sheet, columns):
            code = rec.ident("code", required=True)
            if code:
                self._check_unique(seen, code, rec.ref("code"), "code")
            entries.append(
                EntrySpec(
                    code=code,
                    title=rec.line("title", required=True),
                    authors=rec.line("authors"),
                    school=rec.line("school"),
                    province=rec.line("province"),
                    category=rec.line("category"),
                    description=rec.text("description"),
                    links=tuple(self._links(rec)),
                    attachments=tuple(self._attachments(rec)),
                )
            )
        if not entries:
            self.add(sheet.title, _("no entries: add one row per entry below the header"))
        return entries

    def _links(self, rec: _Record) -> list[str]:
        links: list[str] = []
        for part in re.split(r"[\n;]", rec.text("links")):
            link = clean_line(part)
            if not link:
                continue
            if not re.match(r"https?://\S", link, re.IGNORECASE) or any(ch.isspace() for ch in link):
                self.add(
                    rec.ref("links"),
                    _("link '{link}' must start with http:// or https:// and hold no spaces").format(
                        link=link
                    ),
                )
            elif len(link) > limits.MAX_LINK:
                self.add(
                    rec.ref("links"),
                    _("a link is longer than {limit} characters").format(limit=limits.MAX_LINK),
                )
            elif link not in links:
                links.append(link)
        if len(links) > limits.MAX_LINKS:
            self.add(rec.ref("links"), _("more than {count} links").format(count=limits.MAX_LINKS))
        return links

    def _attachments(self, rec: _Record) -> list[str]:
        names: list[str] = []
        for part in re.split(r"[\n;]", rec.text("attachments")):
            name = clean_line(part)
            if not name:
                continue
            if any(sep in name for sep in ("/", "\\", ":")) or ".." in name:
                self.add(
                    rec.ref("attachments"),
                    _("attachment '{name}' must be a plain file name (no folders, ':' or '..')").format(
                        name=name
                    ),
                )
            elif len(name) > limits.MAX_ATTACHMENT_NAME:
                self.add(
                    rec.ref("attachments"),
                    _("attachment name is longer than {limit} characters").format(
                        limit=limits.MAX_ATTACHMENT_NAME
                    ),
                )
            elif is_reserved_name(name):
                self.add(rec.ref("attachments"), _reserved(_("attachment"), name))
            elif name not in names:
                names.append(name)
        if len(names) > limits.MAX_ATTACHMENTS:
            self.add(
                rec.ref("attachments"),
                _("more than {count} attachments").format(count=limits.MAX_ATTACHMENTS),
            )
        return names

    # -- Judges -------------------------------------------------------------------------------------

    def _judges(self) -> list[JudgeSpec] | None:
        sheet = self._sheet(SHEET_JUDGES)
        if sheet is None:
            return None
        columns = self._header(sheet, JUDGE_COLUMNS, JUDGE_REQUIRED)
        judges: list[JudgeSpec] = []
        seen: dict[str, str] = {}
        for rec in self._records(sheet, columns):
            judge_id = rec.ident("judge_id", required=True)
            if judge_id:
                self._check_unique(seen, judge_id, rec.ref("judge_id"), "judge_id")
            email = rec.line("email")
            if email and not _EMAIL_RE.fullmatch(email):
                self.add(rec.ref("email"), _("email '{email}' is not an email address").format(email=email))
            judges.append(
                JudgeSpec(
                    judge_id=judge_id,
                    name=rec.line("name", required=True),
                    email=email,
                    school=rec.line("school"),
                    province=rec.line("province"),
                )
            )
        if not judges:
            self.add(sheet.title, _("no judges: add one row per judge below the header"))
        return judges

    # -- Rubric -------------------------------------------------------------------------------------

    def _rubric(self) -> list[Criterion] | None:
        sheet = self._sheet(SHEET_RUBRIC)
        if sheet is None:
            return None
        columns = self._header(sheet, RUBRIC_COLUMNS, RUBRIC_REQUIRED)
        criteria: list[Criterion] = []
        seen: dict[str, str] = {}
        for rec in self._records(sheet, columns):
            criterion_id = rec.ident("criterion_id", required=True)
            if criterion_id:
                self._check_unique(seen, criterion_id, rec.ref("criterion_id"), "criterion_id")
            max_points = rec.number("max_points", required=True, default=None)
            step = rec.number("step", required=False, default=1.0)
            weight = rec.number("weight", required=False, default=1.0)
            numbers_ok = max_points is not None and step is not None and weight is not None
            probe = Criterion(  # the scale alone: are max_points, step and weight sound (core rules)?
                criterion_id, "", "", "", _or_one(max_points), _or_one(step), _or_one(weight)
            )
            scale = [(f, m) for f, m in criterion_problems(probe) if f in ("max_points", "step", "weight")]
            for key, message in scale if numbers_ok else ():
                rec.owner.add(rec.ref(key), message)
            scale_ok = numbers_ok and not any(f in ("max_points", "step") for f, _m in scale)
            levels = self._levels(rec, max_points if scale_ok else None, step if scale_ok else None)
            rule = self._comment_rule(rec)
            criterion = Criterion(
                id=criterion_id,
                section=rec.line("section", required=True),
                title=rec.line("criterion", required=True),
                description=rec.text("description"),
                max_points=max_points or 0.0,
                step=step or 1.0,
                weight=weight or 1.0,
                levels=tuple(levels),
                comment_rule=rule,
            )
            if scale_ok:  # the rest of the core's rules: text lengths and the number of levels
                for key, message in criterion_problems(criterion):
                    if key not in ("id", "max_points", "step", "weight") and not (
                        key == "levels" and rec.levels_reported
                    ):
                        rec.owner.add(rec.ref(_RUBRIC_FIELDS.get(key, key)), message)
            criteria.append(criterion)
        if not criteria:
            self.add(sheet.title, _("no criteria: add one row per rubric criterion below the header"))
        elif len(criteria) > limits.MAX_CRITERIA:
            self.add(sheet.title, _("more than {count} criteria").format(count=limits.MAX_CRITERIA))
        return criteria

    def _levels(self, rec: _Record, max_points: float | None, step: float | None) -> list[Level]:
        ref = rec.ref("levels")
        levels: dict[float, Level] = {}
        for line_no, raw_line in enumerate(rec.text("levels").split("\n"), start=1):
            line = clean_line(raw_line)
            if not line:
                continue
            head, colon, descriptor = line.partition(":")
            descriptor = clean_line(descriptor)
            if not colon or not head.strip() or not descriptor:
                self.add(
                    ref,
                    _("levels line {line} '{text}' is not of the form 'points: descriptor'").format(
                        line=line_no, text=line
                    ),
                )
                continue
            points = cell_number(head)
            if points is None:
                self.add(
                    ref,
                    _("levels line {line}: '{text}' is not a number").format(line=line_no, text=head.strip()),
                )
                continue
            shown = number(points)
            bad = level_problem(points, max_points, step) if max_points is not None and step else None
            if bad is None and points in levels:
                bad = _("{value} points appear twice").format(value=shown)
            if bad is not None:
                rec.levels_reported = True
                self.add(ref, _("levels line {line}: {problem}").format(line=line_no, problem=bad))
            else:
                levels[points] = Level(points, descriptor)
        return sorted(levels.values(), key=lambda level: level.points)

    def _comment_rule(self, rec: _Record) -> CommentRule:
        text = rec.line("comment_rule")
        if not text:
            return CommentRule.NEVER
        try:
            return CommentRule(text.casefold())
        except ValueError:
            choices = ", ".join(COMMENT_RULES)
            self.add(
                rec.ref("comment_rule"),
                _("comment_rule '{value}' is not one of {choices}").format(value=text, choices=choices),
            )
            return CommentRule.NEVER


class _Record:
    """One data row: typed access to its known columns, reporting problems with the cell reference."""

    def __init__(
        self, owner: _Validator, title: str, row_no: int, columns: dict[str, int], cells: Mapping[int, Raw]
    ) -> None:
        self.owner = owner
        self.title = title
        self.row_no = row_no
        self.columns = columns
        self.cells = cells
        self._bad: set[str] = set()
        self._values: dict[str, object] = {}
        self.levels_reported = False  # a levels line was already reported
        for key, col in columns.items():
            raw = cells.get(col)
            if raw is None:
                continue
            if owner._plain(self.ref(key), raw) is None:
                self._bad.add(key)
            else:
                self._values[key] = raw[0]

    def ref(self, key: str) -> str:
        col = self.columns.get(key)
        if col is None:
            return _row(self.title, self.row_no)
        return f"{self.title}!{get_column_letter(col)}{self.row_no}"

    def is_empty(self) -> bool:
        return not self._bad and not any(clean_text(raw_text(v)) for v in self._values.values())

    def _get(self, key: str, required: bool, clean: Callable[[object], str]) -> str:
        text = clean(raw_text(self._values.get(key)))
        if not text and required and key in self.columns and key not in self._bad:
            self.owner.add(self.ref(key), _("{key} is required").format(key=key))
        return text

    def line(self, key: str, *, required: bool = False) -> str:
        """A single-line text field (at most ``limits.MAX_LINE`` characters)."""
        return self.owner._limited(self.ref(key), key, self._get(key, required, clean_line), limits.MAX_LINE)

    def text(self, key: str, *, required: bool = False) -> str:
        """A multi-line text field (at most ``limits.MAX_TEXT`` characters)."""
        return self.owner._limited(self.ref(key), key, self._get(key, required, clean_text), limits.MAX_TEXT)

    def ident(self, key: str, *, required: bool = False) -> str:
        """An id used in file names (letters, digits, '-', '_', '.')."""
        return self.owner._ident(self.ref(key), key, self.line(key, required=required))

    def number(self, key: str, *, required: bool, default: float | None) -> float | None:
        """A finite number; blank gives ``default``; None when not a number (reported).

        Its range is the core's rule (``criterion_problems``), checked by the caller."""
        value = self._values.get(key)
        if not clean_text(raw_text(value)):
            if required and key in self.columns and key not in self._bad:
                self.owner.add(self.ref(key), _("{key} is required").format(key=key))
            return None if key in self._bad else default
        found = cell_number(value)
        shown = clean_line(raw_text(value))
        if found is None:
            self.owner.add(self.ref(key), _("{key} '{value}' is not a number").format(key=key, value=shown))
        return found


# ------------------------------------------------------------------------------------------- helpers


def _match_key(text: str | None, labels: Mapping[str, str]) -> str | None:
    """The field key a header cell names: 'label (key)', 'key' or 'label', case and spaces ignored."""
    if not text:
        return None
    folded = " ".join(clean_line(text).casefold().split())
    match = re.fullmatch(r".*\(\s*([^()]*?)\s*\)", folded)
    if match and match.group(1) in labels:
        return match.group(1)
    for key, label in labels.items():
        if folded in (key, " ".join(label.casefold().split())):
            return key
    return None


def _or_one(value: float | None) -> float:
    return 1.0 if value is None else value


def _opt_float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _reserved(key: str, value: str) -> str:
    return _(
        "{key} '{value}' is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9); "
        "choose another"
    ).format(key=key, value=value)
