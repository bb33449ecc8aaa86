"""The organizer's results report: ranking, per-entry figures, discrepancy flags, judges and a chart.

Built from ``services.org_results.Results`` only (no database): the ranking with mean, median,
spread and normalised score per entry; entries whose judges disagree by more than the threshold;
one row per judge (scored, conflicts, mean, spread, harsh/lenient, sheet revision, key); and the
distribution of each judge's totals, so that a harsh or lenient judge stands out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from e2judge.core.clock import now
from e2judge.core.labels import Labels
from e2judge.core.results import EntryResult, JudgeResult, Results
from e2judge.pdf.chart import JudgeSeries, distribution_charts
from e2judge.pdf.page import FRAME_WIDTH, PageSetup, build_pdf
from e2judge.pdf.styles import WARN_BG, Styles, grid_style, make_styles, safe_markup

__all__ = ["results_story", "write_results_pdf"]

_MAX_MISSING = 12  # codes listed per judge


def write_results_pdf(results: Results, out: Path, lang: str = "vi") -> int:
    """Write the results report of ``results`` to ``out`` (atomically); pages written."""
    lb = Labels(lang)
    st = make_styles()
    setup = PageSetup(
        labels=lb,
        header_left=results.contest_name,
        header_right=results.round_name,
        footer_left=f"{lb('results_title').capitalize()} · {lb('printed', date=lb.date(now()))}",
        title=f"{lb('results_title').capitalize()} — {results.contest_name} — {results.round_name}",
    )
    return build_pdf(out, results_story(results, st, lb), setup)


def results_story(results: Results, st: Styles, lb: Labels) -> list[Flowable]:
    """The flowables of the results report."""
    story: list[Flowable] = [
        st.p(lb("results_title"), st.title),
        st.p(results.round_name, st.subtitle),
        st.p(
            lb(
                "results_counts",
                entries=len(results.entries),
                judges=len(results.judges),
                max=lb.number(results.weighted_max),
                mean=lb.short(results.overall_mean),
            )
        ),
        st.p(lb("ranked_by", value=lb(f"rank_by_{results.rank_by}"))),
        st.p(lb("threshold", value=lb.short(results.threshold))),
    ]
    if not any(e.returned for e in results.entries):
        story.append(st.p(lb("results_none"), st.warning))
    story += [st.p(lb("results_ranking"), st.heading), _ranking(results, st, lb)]
    if any(e.normalised_fallback for e in results.entries):
        story += [Spacer(1, 1.5 * mm), st.p(lb("results_fallback_note"), st.small)]
    story += _flags(results, st, lb)
    story += [
        CondPageBreak(60 * mm),
        st.p(lb("results_judges"), st.heading),
        _judges(results, st, lb),
        Spacer(1, 1.5 * mm),
        st.p(lb("results_severity_note"), st.small),
    ]
    story += _chart(results, st, lb)
    return story


def _percent(results: Results, value: float) -> float:
    return 100.0 * value / results.weighted_max if results.weighted_max else 0.0


def _ranking(results: Results, st: Styles, lb: Labels) -> Table:
    widths = [12 * mm, 17 * mm, 0.0, 14 * mm, 17 * mm, 17 * mm, 19 * mm, 19 * mm]
    widths[2] = FRAME_WIDTH - sum(widths)
    heads = [
        ("col_rank", st.head_center),
        ("code", st.cell_head),
        ("title", st.cell_head),
        ("col_returned", st.head_center),
        ("col_mean", st.head_right),
        ("col_median", st.head_right),
        ("col_spread", st.head_right),
        ("col_normalised", st.head_right),
    ]
    data: list[list[object]] = [[st.p(lb(key), style) for key, style in heads]]
    extra: list[tuple[object, ...]] = []
    for e in results.entries:
        row = len(data)
        data.append(_ranking_row(e, st, lb))
        if e.discrepancy:
            extra.append(("BACKGROUND", (0, row), (-1, row), WARN_BG))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(*extra))
    return table


def _ranking_row(e: EntryResult, st: Styles, lb: Labels) -> list[object]:
    title = f"<b>{safe_markup(e.title or lb('dash'))}</b>"
    people = " · ".join(part for part in (e.authors, e.school, e.province) if part.strip())
    if people:
        title += f'<br/><font size="8.5" color="#5B6570">{safe_markup(people)}</font>'
    spread = safe_markup(lb.short(e.spread))
    if e.discrepancy:
        spread += f'<br/><font size="7.5" color="#A1261A"><b>{safe_markup(lb("flag_discrepancy"))}</b></font>'
    normalised = lb.short(e.normalised) + ("*" if e.normalised_fallback else "")
    return [
        st.p("" if e.rank is None else str(e.rank), st.cell_center),
        st.p(e.code, st.cell),
        st.markup(title, st.cell),
        st.p(f"{e.returned}/{e.assigned}", st.cell_center),
        st.p(lb.short(e.mean), st.cell_right),
        st.p(lb.short(e.median), st.cell_right),
        st.markup(spread, st.cell_right),
        st.markup(f"<b>{safe_markup(normalised)}</b>", st.cell_right),
    ]


def _flags(results: Results, st: Styles, lb: Labels) -> list[Flowable]:
    flagged = [e for e in results.entries if e.discrepancy]
    heading = st.p(lb("results_flags"), st.heading)
    if not flagged:
        return [KeepTogether([heading, st.p(lb("results_no_flags"))])]
    widths = [18 * mm, 0.0, 62 * mm, 18 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    data: list[list[object]] = [
        [
            st.p(lb("code"), st.cell_head),
            st.p(lb("title"), st.cell_head),
            st.p(lb("col_totals"), st.cell_head),
            st.p(lb("col_spread"), st.head_right),
        ]
    ]
    for e in flagged:
        totals = "<br/>".join(
            f"<b>{safe_markup(t.judge_key)}</b>: {safe_markup(lb.short(t.weighted))}" for t in e.totals
        )
        data.append(
            [
                st.p(e.code, st.cell),
                st.p(e.title, st.cell),
                st.markup(totals, st.cell),
                st.p(lb.short(e.spread), st.cell_right),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style())
    return [heading, table]


def _judges(results: Results, st: Styles, lb: Labels) -> Table:
    widths = [0.0, 22 * mm, 19 * mm, 18 * mm, 19 * mm, 21 * mm, 18 * mm]
    widths[0] = FRAME_WIDTH - sum(widths)
    heads = [
        ("col_judge", st.cell_head),
        ("col_scored", st.head_center),
        ("col_conflicts", st.head_center),
        ("col_mean", st.head_right),
        ("col_sd", st.head_right),
        ("col_severity", st.head_right),
        ("col_sheet", st.head_center),
    ]
    data: list[list[object]] = [[st.p(lb(key), style) for key, style in heads]]
    for j in results.judges:
        data.append(_judge_row(j, st, lb))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style())
    return table


def _judge_row(j: JudgeResult, st: Styles, lb: Labels) -> list[object]:
    who = f"<b>{safe_markup(j.judge_key)}</b> {safe_markup(j.name)}"
    if j.fingerprint:
        who += f'<br/><font size="7.5" color="#5B6570">{safe_markup(j.fingerprint)}</font>'
    if j.missing:
        codes = ", ".join(j.missing[:_MAX_MISSING]) + (", …" if len(j.missing) > _MAX_MISSING else "")
        who += f'<br/><font size="8" color="#A1261A">{safe_markup(lb("missing_codes", codes=codes))}</font>'
    revision = lb("dash") if j.last_revision is None else lb("revision_short", revision=j.last_revision)
    return [
        st.markup(who, st.cell),
        st.p(f"{j.scored} / {j.assigned}", st.cell_center),
        st.p(str(j.conflicts), st.cell_center),
        st.p(lb.short(j.mean), st.cell_right),
        st.p(lb.short(j.sd), st.cell_right),
        st.p(lb.signed(j.severity), st.cell_right),
        st.p(revision, st.cell_center),
    ]


def judge_series(results: Results) -> list[JudgeSeries]:
    """Each judge's returned totals as percentages of the maximum, in the judge table's order."""
    per_judge: dict[str, list[float]] = defaultdict(list)
    for e in results.entries:
        for t in e.totals:
            per_judge[t.judge_key].append(_percent(results, t.weighted))
    return [JudgeSeries(j.judge_key, j.name, tuple(per_judge.get(j.judge_key, ()))) for j in results.judges]


def _chart(results: Results, st: Styles, lb: Labels) -> Sequence[Flowable]:
    series = judge_series(results)
    if not any(s.percents for s in series):
        return []
    overall = None if results.overall_mean is None else _percent(results, results.overall_mean)
    drawings = distribution_charts(series, overall, FRAME_WIDTH, lb)
    first: list[Flowable] = [
        st.p(lb("results_chart"), st.heading),
        st.p(lb("results_chart_note"), st.small),
        Spacer(1, 2 * mm),
        drawings[0],
    ]
    return [KeepTogether(first), *drawings[1:]]
