"""The per-entry rubric report a judge prints, signs and files: one entry per page run.

Laid out to keep an entry on one page when it fits (a six-criterion rubric with short comments
does): title and round on one line, the entry's facts two to a line, the totals on one line, and
a criterion's description only while no level is chosen (then the level's descriptor says it).
A declared conflict prints "Xung đột lợi ích — không chấm" and its reason, never zeros.

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

from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from e2judge.core.labels import Labels
from e2judge.core.records import EntryDetail, ReportContext
from e2judge.core.rubric import Criterion
from e2judge.pdf.blocks import signature_block
from e2judge.pdf.fonts import BOLD
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

__all__ = ["entry_story", "write_entry_pdf"]

_NO_W = 11 * mm
_POINTS_W = 25 * mm
_LABEL_W = 38 * mm
_MIN_SPLIT = 30  # points


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
        st.p(f"{lb('entry_title')} · {ctx.round_name}", st.derived("entry-title", st.title, spaceAfter=3)),
        _info(detail, ctx, st, lb),
    ]
    if detail.conflict_reason is not None:
        story += [Spacer(1, 3 * mm), _conflict_box(detail.conflict_reason, st, lb)]
    story += [Spacer(1, 2 * mm), _criteria_table(detail, st, lb), Spacer(1, 1.5 * mm)]
    story.append(_totals(detail, st, lb))
    if not detail.totals.complete and detail.conflict_reason is None:
        incomplete = lb("incomplete", scored=detail.totals.scored, total=detail.totals.criteria)
        story += [Spacer(1, 2 * mm), st.p(incomplete, st.warning)]
    heading = st.derived("entry-heading", st.heading, spaceBefore=5, spaceAfter=2)
    overall = detail.overall_comment.strip()
    if overall:
        story.append(st.p(lb("overall_comment"), heading))
        story += [st.p(part) for part in _paragraphs(overall)]
    else:
        story.append(st.p(f"{lb('overall_comment')}: {lb('none')}", heading))
    story += [Spacer(1, 2 * mm), signature_block(ctx, st, lb, sign_space=10 * mm)]
    return story


def _paragraphs(text: str) -> list[str]:
    """Text split at blank lines into paragraphs (single line breaks stay inside a paragraph)."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p]


def _info(detail: EntryDetail, ctx: ReportContext, st: Styles, lb: Labels) -> Table:
    """The entry's facts: code and title on full lines, the others two to a line."""
    label = st.derived("info-label", st.cell, textColor=MUTED)
    bold = st.derived("info-bold", st.cell, fontName=BOLD)
    dash = lb("dash")
    rows: list[list[object]] = [
        [st.p(lb("code"), label), st.p(detail.code, bold), "", ""],
        [st.p(lb("title"), label), st.p(detail.title or dash, bold), "", ""],
    ]
    pairs: list[tuple[str, str]] = []
    if not ctx.blind:
        pairs += [("authors", detail.authors), ("school", detail.school), ("province", detail.province)]
    if detail.category:
        pairs.append(("category", detail.category))
    for i in range(0, len(pairs), 2):
        row: list[object] = []
        for key, text in pairs[i : i + 2]:
            row += [st.p(lb(key), label), st.p(text or dash, st.cell)]
        rows.append(row + [""] * (4 - len(row)))
    spans = [("SPAN", (1, r), (3, r)) for r in (0, 1)]
    if ctx.blind:
        rows.append([st.p(lb("blind_note"), st.cell_muted), "", "", ""])
        spans.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
    label_w, value_w = 29 * mm, FRAME_WIDTH / 2 - 29 * mm
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(
        plain_style(
            *spans,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    return table


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
    level = c.level_for(detail.points.get(c.id))
    chosen = level is not None and bool(level.descriptor.strip())
    if c.description.strip() and not chosen:  # once scored, the level's descriptor says it better
        cell.append(
            st.shared(c.description, st.derived("description", st.cell_muted, fontSize=8.5, leading=10))
        )
    if level is not None and chosen:
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
            if detail.conflict_reason is not None:
                shown = lb("dash")  # not scored on purpose: the conflict is said once, below
                extra.append(("TEXTCOLOR", (2, row), (2, row), MUTED))
            elif points is None:
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
    table.setStyle(
        grid_style(*extra, ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5))
    )
    return table


def _totals(detail: EntryDetail, st: Styles, lb: Labels) -> Table:
    """The totals on one line; for a declared conflict, "not scored" and why instead of zeros."""
    t = detail.totals
    if detail.conflict_reason is not None:
        cells: list[object] = [
            st.p(lb("conflict_not_scored"), st.warning),
            st.p(lb("conflict_reason", reason=detail.conflict_reason), st.cell),
        ]
        widths = [FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55]
    else:
        weighted = any(c.weight != 1 for c in detail.rubric.criteria)
        bold = st.derived("totals", st.cell, fontName=BOLD)
        if weighted:
            texts = [
                f"{lb('total_raw')}: {lb.out_of(t.raw, t.raw_max)}",
                f"{lb('total_weighted')}: {lb.out_of(t.weighted, t.weighted_max)} ({lb.percent(t.percent)})",
            ]
            widths = [FRAME_WIDTH * 0.27, FRAME_WIDTH * 0.43]
        else:
            texts = [f"{lb('total_raw')}: {lb.out_of(t.raw, t.raw_max)} ({lb.percent(t.percent)})"]
            widths = [FRAME_WIDTH * 0.7]
        texts.append(f"{lb('scored_count')}: {t.scored} / {t.criteria}")
        widths.append(FRAME_WIDTH * 0.3)
        cells = [st.p(text, bold) for text in texts]
    table = Table([cells], colWidths=widths)
    table.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), header=False))
    return table
