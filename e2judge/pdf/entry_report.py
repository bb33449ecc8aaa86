"""The per-entry rubric report a judge prints, signs and files: one entry per page run.

Every entry starts on a new page, with its code in the page header, and its pages are numbered on
their own ("Trang 1 / 2", "Trang 2 / 2", then the next entry's "Trang 1 / 1"), so each entry's
report can be signed and filed separately.

Each report shows the contest and round, the entry (authors, school and province unless the round
is blind), every criterion with the chosen level's descriptor, points out of max and the judge's
comment, the totals, the overall comment, any declared conflict, and the judge's name, date, sheet
revision and key fingerprint above a signature line. Table rows may split across pages
(``splitInRow``) so a 5,000-character comment is never cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from e2judge.core.rubric import Criterion
from e2judge.db.session import Database
from e2judge.paths import Profile
from e2judge.pdf.blocks import signature_block
from e2judge.pdf.context import ReportContext, report_context
from e2judge.pdf.fonts import BOLD, FAMILY
from e2judge.pdf.labels import Labels
from e2judge.pdf.page import FRAME_WIDTH, PageNote, PageSetup, SectionStart, build_pdf
from e2judge.pdf.styles import (
    ACCENT,
    MUTED,
    SECTION_BG,
    WARN_BG,
    WARN_INK,
    Para,
    Styles,
    grid_style,
    make_styles,
    plain_style,
)
from e2judge.services.judge.entries import EntryDetail, entry_detail, find_assignment, list_entries
from e2judge.services.judge.rounds import RoundRef

__all__ = ["entry_story", "write_entry_reports"]

_NO_W = 11 * mm
_POINTS_W = 25 * mm
_LABEL_W = 38 * mm
_MIN_SPLIT = 30  # points


def write_entry_reports(
    db: Database,
    profile: Profile,
    ref: RoundRef,
    out: Path,
    codes: Sequence[str] | None = None,
    lang: str = "vi",
) -> int:
    """Write the rubric report of every entry (or of ``codes``, in that order) to ``out``; pages written.

    An unknown code raises ``EntryNotFound`` before anything is written.
    """
    labels = Labels(lang)
    if codes:
        ids = [find_assignment(db, ref, code) for code in codes]
    else:
        ids = [row.assignment_id for row in list_entries(db, ref)]
    context = report_context(db, profile, ref)
    details = (entry_detail(db, profile, ref, aid) for aid in ids)
    return write_entry_pdf(details, context, out, labels)


def write_entry_pdf(details: Iterable[EntryDetail], context: ReportContext, out: Path, labels: Labels) -> int:
    """Lay out already-loaded entries (an iterable of ``EntryDetail``) into ``out``; pages written."""
    styles = make_styles()
    story: list[Flowable] = []
    for detail in details:
        if story:
            story.append(PageBreak())
        story.extend(entry_story(detail, context, styles, labels))
    if not story:
        story.append(styles.p(labels("summary_empty")))
    setup = PageSetup(
        labels=labels,
        header_left=context.contest_name,
        header_right=context.round_name,
        footer_left=f"{labels('entry_title').capitalize()} · {context.judge_name}",
        demo=context.demo,
        unsigned=not context.signed,
        title=f"{labels('entry_title').capitalize()} — {context.contest_name} — {context.round_name}",
        author=context.judge_name,
    )
    return build_pdf(out, story, setup)


def entry_story(detail: EntryDetail, ctx: ReportContext, st: Styles, lb: Labels) -> list[Flowable]:
    """The flowables of one entry's report: a section of its own, its pages numbered "Trang 1 / n".

    Start it on a fresh page (``write_entry_pdf`` puts a ``PageBreak`` between entries).
    """
    story: list[Flowable] = [
        SectionStart(),
        PageNote(f"{lb('code')}: {detail.code}"),
        st.p(lb("entry_title"), st.title),
        st.p(f"{ctx.round_name}", st.subtitle),
        *_info(detail, ctx, st, lb),
    ]
    if detail.conflict_reason is not None:
        story += [Spacer(1, 3 * mm), _conflict_box(detail.conflict_reason, st, lb)]
    story += [Spacer(1, 4 * mm), _criteria_table(detail, st, lb), Spacer(1, 3 * mm)]
    story.append(_totals(detail, lb))
    if not detail.totals.complete and detail.conflict_reason is None:
        incomplete = lb("incomplete", scored=detail.totals.scored, total=detail.totals.criteria)
        story += [Spacer(1, 2 * mm), st.p(incomplete, st.warning)]
    story.append(st.p(lb("overall_comment"), st.heading))
    overall = detail.overall_comment.strip()
    if overall:
        story += [st.p(part) for part in _paragraphs(overall)]
    else:
        story.append(st.p(lb("none"), st.label))
    story += [Spacer(1, 6 * mm), signature_block(ctx, st, lb)]
    return story


def _paragraphs(text: str) -> list[str]:
    """Text split at blank lines into paragraphs (single line breaks stay inside a paragraph)."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p]


def _info(detail: EntryDetail, ctx: ReportContext, st: Styles, lb: Labels) -> list[Flowable]:
    """The entry's facts, each a paragraph with its label hanging on the left."""
    value = st.derived(
        "info",
        st.cell,
        leftIndent=_LABEL_W,
        bulletIndent=0,
        bulletFontName=FAMILY,
        bulletFontSize=st.cell.fontSize,
        bulletColor=MUTED,
        spaceAfter=2,
    )
    bold = st.derived("info-bold", value, fontName=BOLD)
    dash = lb("dash")
    out: list[Flowable] = [
        st.p(detail.code, bold, bullet=lb("code")),
        st.p(detail.title or dash, bold, bullet=lb("title")),
    ]
    if not ctx.blind:
        out += [
            st.p(detail.authors or dash, value, bullet=lb("authors")),
            st.p(detail.school or dash, value, bullet=lb("school")),
            st.p(detail.province or dash, value, bullet=lb("province")),
        ]
    if detail.category:
        out.append(st.p(detail.category, value, bullet=lb("category")))
    if ctx.blind:
        out.append(st.p(lb("blind_note"), st.derived("info-note", st.cell_muted, leftIndent=_LABEL_W)))
    return out


def _conflict_box(reason: str, st: Styles, lb: Labels) -> Table:
    body = [st.p(lb("conflict_title"), st.warning), st.p(lb("conflict_text", reason=reason), st.cell)]
    table = Table([[body]], colWidths=[FRAME_WIDTH], splitInRow=1)
    table.setStyle(
        plain_style(
            ("BACKGROUND", (0, 0), (-1, -1), WARN_BG),
            ("BOX", (0, 0), (-1, -1), 0.8, WARN_INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        )
    )
    return table


def _criterion_cell(c: Criterion, detail: EntryDetail, st: Styles, lb: Labels) -> list[Flowable]:
    """Title, description, chosen level and comment; the rubric's texts are shared between entries."""
    title = c.title
    if c.weight != 1:
        title += f" ({lb('weight', weight=lb.number(c.weight))})"
    cell: list[Flowable] = [st.shared(title, st.cell_bold)]
    if c.description.strip():
        cell.append(st.shared(c.description, st.cell_muted))
    level = c.level_for(detail.points.get(c.id))
    if level is not None and level.descriptor.strip():
        cell.append(_labelled(st, lb, "level", level.descriptor, shared=True))
    comment = detail.comments.get(c.id, "").strip()
    if comment:
        cell.append(_labelled(st, lb, "comment", comment))
    if c.id in detail.missing_comments:
        cell.append(st.shared(lb("comment_missing"), st.warning))
    return cell


def _labelled(st: Styles, lb: Labels, key: str, text: str, *, shared: bool = False) -> Para:
    """``text`` with a bold label hanging on its left ("Nhận xét:"); one text style, so fast to lay out."""
    labels = [f"{lb(k)}:" for k in ("level", "comment")]
    style = st.derived(
        f"labelled-{lb.lang}",
        st.cell,
        leftIndent=max(stringWidth(label, BOLD, st.cell.fontSize) for label in labels) + 5,
        bulletIndent=0,
        bulletFontName=BOLD,
        bulletFontSize=st.cell.fontSize,
    )
    label = f"{lb(key)}:"
    return st.shared(text, style, bullet=label) if shared else st.p(text, style, bullet=label)


def _criteria_table(detail: EntryDetail, st: Styles, lb: Labels) -> Table:
    rubric = detail.rubric
    data: list[list[object]] = [[lb("col_no"), lb("col_criterion"), lb("col_points")]]
    extra: list[tuple[object, ...]] = [
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("FONTNAME", (2, 1), (2, -1), BOLD),
        ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
        ("FONTSIZE", (0, 0), (-1, 0), 9),
    ]
    show_sections = len(rubric.sections) > 1 or any(s.strip() for s in rubric.sections)
    number = 0
    for section in rubric.sections:
        if show_sections:
            row = len(data)
            data.append(["", st.shared(section, st.cell_bold), ""])
            extra.append(("BACKGROUND", (0, row), (-1, row), SECTION_BG))
        for c in rubric.in_section(section):
            number += 1
            points = detail.points.get(c.id)
            row = len(data)
            if points is None:
                shown = f"{lb('not_scored')}\n{lb.out_of(None, c.max_points)}"
                extra.append(("TEXTCOLOR", (2, row), (2, row), WARN_INK))
            else:
                shown = lb.out_of(points, c.max_points)
            data.append([str(number), _criterion_cell(c, detail, st, lb), shown])
    table = Table(
        data,
        colWidths=[_NO_W, FRAME_WIDTH - _NO_W - _POINTS_W, _POINTS_W],
        repeatRows=1,
        splitByRow=0,  # split inside the row at the page's foot (as word processors do) ...
        splitInRow=_MIN_SPLIT,  # ... when at least this much of it fits; else move the row on
    )
    table.setStyle(grid_style(*extra))
    return table


def _totals(detail: EntryDetail, lb: Labels) -> Table:
    t = detail.totals
    weighted = any(c.weight != 1 for c in detail.rubric.criteria)
    rows: list[list[object]] = []
    if weighted:
        rows.append([lb("total_raw"), lb.out_of(t.raw, t.raw_max)])
        rows.append(
            [lb("total_weighted"), f"{lb.out_of(t.weighted, t.weighted_max)} ({lb.percent(t.percent)})"]
        )
    else:
        rows.append([lb("total_raw"), f"{lb.out_of(t.raw, t.raw_max)} ({lb.percent(t.percent)})"])
    rows.append([lb("scored_count"), f"{t.scored} / {t.criteria}"])
    width = 70 * mm
    table = Table(rows, colWidths=[FRAME_WIDTH - width, width])
    table.setStyle(
        grid_style(("FONTNAME", (0, 0), (0, -1), BOLD), ("ALIGN", (1, 0), (1, -1), "RIGHT"), header=False)
    )
    return table
