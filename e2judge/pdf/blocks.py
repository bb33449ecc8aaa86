"""Blocks shared by the judge's reports: the judge's facts beside a signature line."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from e2judge.core.labels import Labels
from e2judge.core.records import ReportContext
from e2judge.pdf.fonts import FAMILY
from e2judge.pdf.page import FRAME_WIDTH
from e2judge.pdf.styles import MUTED, RULE, Styles, plain_style


def signature_block(ctx: ReportContext, st: Styles, lb: Labels, *, sign_space: float = 18 * mm) -> Flowable:
    """Judge, date, batch, sheet revision and key fingerprint on the left; a signature space
    (``sign_space`` high) on the right."""
    if ctx.sheet_revision is not None and ctx.sheet_exported_at is not None:
        revision = lb(
            "sheet_revision_value", revision=ctx.sheet_revision, date=lb.date(ctx.sheet_exported_at)
        )
    else:
        revision = lb("not_exported")
    left_w = FRAME_WIDTH * 0.6
    facts_style = st.derived(
        "facts",
        st.cell,
        leftIndent=40 * mm,
        bulletIndent=0,
        bulletFontName=FAMILY,
        bulletFontSize=st.cell.fontSize,
        bulletColor=MUTED,
        spaceAfter=1.5,
    )
    facts = [
        (lb("judge"), f"{ctx.judge_name} ({ctx.judge_key})"),
        (lb("report_date"), lb.date(ctx.printed_at)),
        (lb("batch"), lb("batch_value", batch=ctx.batch_key, revision=ctx.batch_revision)),
        (lb("sheet_revision"), revision),
        (lb("fingerprint"), ctx.fingerprint or lb("no_key")),
    ]
    # The same text on every entry's page: shared paragraphs, laid out once per document.
    left: list[Flowable] = [st.shared(value, facts_style, bullet=label) for label, value in facts]
    right: list[Flowable] = [
        st.shared(lb("place_date"), st.center_muted),
        Spacer(1, 2 * mm),
        st.shared(lb("signature"), st.center_bold),
        st.shared(lb("signature_hint"), st.center_muted),
        Spacer(1, sign_space),
        st.shared(ctx.judge_name, st.center_bold),
    ]
    block = Table([[left, right]], colWidths=[left_w, FRAME_WIDTH - left_w])
    block.setStyle(plain_style(("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE), ("TOPPADDING", (0, 0), (-1, 0), 6)))
    return KeepTogether([block])
