"""The judge's summary: every assigned entry with its total, status and rank by this judge.

Ranks follow the weighted total among complete entries only (equal totals share a rank: 1, 2, 2, 4);
entries not complete are listed after them, shaded, with their partial total and no rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from e2judge.core.collation import vietnamese_sort_key
from e2judge.core.labels import Labels
from e2judge.core.records import EntryRow, ReportContext, Status
from e2judge.pdf.blocks import signature_block
from e2judge.pdf.page import FRAME_WIDTH, PageSetup, build_pdf
from e2judge.pdf.styles import WARN_BG, Styles, grid_style, make_styles, safe_markup

__all__ = ["RankedRow", "rank_rows", "write_summary_pdf"]


@dataclass(frozen=True)
class RankedRow:
    """An entry of the summary with its rank (None unless complete)."""

    rank: int | None
    row: EntryRow


def rank_rows(rows: Sequence[EntryRow]) -> list[RankedRow]:
    """Complete entries by weighted total (highest first, ties share a rank), then the others by code."""
    complete = sorted(
        (r for r in rows if r.status is Status.COMPLETE),
        key=lambda r: (-(r.weighted or 0.0), vietnamese_sort_key(r.code)),
    )
    ranked: list[RankedRow] = []
    previous: float | None = None
    rank = 0
    for position, row in enumerate(complete, start=1):
        total = round(row.weighted or 0.0, 9)
        if total != previous:
            rank, previous = position, total
        ranked.append(RankedRow(rank, row))
    rest = sorted(
        (r for r in rows if r.status is not Status.COMPLETE), key=lambda r: vietnamese_sort_key(r.code)
    )
    ranked.extend(RankedRow(None, r) for r in rest)
    return ranked


def write_summary_pdf(rows: Sequence[EntryRow], ctx: ReportContext, out: Path, labels: Labels) -> int:
    """Lay out the summary of already-listed ``rows``; pages written."""
    st = make_styles()
    counts = {status: sum(1 for r in rows if r.status is status) for status in Status}
    story: list[Flowable] = [
        st.p(labels("summary_title"), st.title),
        st.p(ctx.round_name, st.subtitle),
        st.p(f"{labels('judge')}: {ctx.judge_name} ({ctx.judge_key})", st.body),
        st.p(
            labels(
                "summary_counts",
                total=len(rows),
                complete=counts[Status.COMPLETE],
                in_progress=counts[Status.IN_PROGRESS],
                not_started=counts[Status.NOT_STARTED],
                conflict=counts[Status.CONFLICT],
            ),
            st.body,
        ),
        st.p(labels("summary_note"), st.small),
        Spacer(1, 3 * mm),
    ]
    if rows:
        story.append(_table(rank_rows(rows), st, labels))
    else:
        story.append(st.p(labels("summary_empty")))
    story += [Spacer(1, 8 * mm), signature_block(ctx, st, labels)]
    setup = PageSetup(
        labels=labels,
        header_left=ctx.contest_name,
        header_right=ctx.round_name,
        footer_left=f"{labels('summary_title').capitalize()} · {ctx.judge_name}",
        demo=ctx.demo,
        unsigned=not ctx.signed,
        title=f"{labels('summary_title').capitalize()} — {ctx.contest_name} — {ctx.round_name}",
        author=ctx.judge_name,
    )
    return build_pdf(out, story, setup)


def _table(ranked: Sequence[RankedRow], st: Styles, lb: Labels) -> Table:
    widths = [13 * mm, 22 * mm, 0.0, 27 * mm, 16 * mm, 31 * mm]
    widths[2] = FRAME_WIDTH - sum(widths)
    head = [
        ("col_rank", st.head_center),
        ("code", st.cell_head),
        ("title", st.cell_head),
        ("col_total", st.head_right),
        ("col_percent", st.head_right),
        ("col_status", st.cell_head),
    ]
    data: list[list[object]] = [[st.p(lb(key), style) for key, style in head]]
    extra: list[tuple[object, ...]] = [("ALIGN", (3, 0), (4, -1), "RIGHT")]
    for item in ranked:
        r = item.row
        index = len(data)
        title = f"<b>{safe_markup(r.title or lb('dash'))}</b>"
        if r.category:
            title += f'<br/><font size="8.5" color="#5B6570">{safe_markup(r.category)}</font>'
        percent = r.percent
        status = safe_markup(lb.status(r.status.value))
        if r.status is not Status.COMPLETE:
            status = f'<font color="#A1261A"><b>{status}</b></font>'
            extra.append(("BACKGROUND", (0, index), (-1, index), WARN_BG))
        data.append(
            [
                st.p("" if item.rank is None else str(item.rank), st.cell_center),
                st.p(r.code, st.cell),
                st.markup(title, st.cell),
                st.p(lb.out_of(r.weighted, r.weighted_max), st.cell_right),
                st.p(lb.percent(percent), st.cell_right),
                st.markup(status, st.cell),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(*extra))
    return table
