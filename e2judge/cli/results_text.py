"""What ``org results`` prints about the judges: agreement (alpha with its interval) and severity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from e2judge.cli.output import table

if TYPE_CHECKING:
    from e2judge.core.agreement import Alpha
    from e2judge.services.org.results import Results


def _num(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def alpha_text(a: Alpha) -> str:
    """``0.849 (95% CI 0.440–1.000; 11 entries, 1000 resamples)``, or why there is no figure."""
    if a.value is None:
        return f"undefined ({a.units} entries scored by two or more judges)"
    interval = (
        f"{a.confidence:.0%} CI {a.low:.3f}–{a.high:.3f}"
        if a.low is not None and a.high is not None
        else "no interval"
    )
    return f"{a.value:.3f} ({interval}; {a.units} entries, {a.samples} resamples)"


def agreement_lines(results: Results) -> list[str]:
    """Alpha overall and per criterion, then each judge's severity against colleagues."""
    agreement = results.agreement
    if agreement is None:
        return []
    lines = ["", "Agreement (Krippendorff's alpha, interval):", f"  all criteria (weighted total): "
             f"{alpha_text(agreement.overall)}"]
    titles = {c.id: c.title for c in results.rubric.criteria}
    lines += [f"  {key} — {titles.get(key, key)}: {alpha_text(a)}" for key, a in agreement.criteria]
    lines += ["", f"Judges (severity: mean difference from colleagues on the same entries; "
                  f"minimum {agreement.min_entries} entries):"]
    rows = []
    for j in results.judges:
        notes = []
        if j.too_few_entries:
            notes.append(f"not normalised: fewer than {agreement.min_entries} entries")
        elif not j.normalised:
            notes.append("not normalised: no spread")
        if j.severity_vs_peers is not None and not j.severity_reliable:
            notes.append(f"severity on fewer than {agreement.min_entries} shared entries")
        rows.append(
            [
                j.judge_key,
                j.scored,
                _num(j.mean),
                _num(j.severity_vs_peers),
                _num(j.severity_se),
                j.severity_entries,
                "; ".join(notes),
            ]
        )
    lines.append(table(["judge", "scored", "mean", "severity", "SE", "shared", "note"], rows))
    return lines


def moderation_lines(results: Results) -> list[str]:
    """For every entry with three or more scores: each judge's score, which counted, and why."""
    lines: list[str] = []
    for e in sorted(results.entries, key=lambda e: e.code):
        if len(e.totals) < 3 and not e.moderated_by:
            continue
        scores = ", ".join(
            f"{t.judge_key}{'+' if t.judge_key in e.moderated_by else ''} {t.weighted:g}"
            f"{'' if t.judge_key in e.counted else ' (not counted)'}"
            for t in e.totals
        )
        lines.append(f"  {e.code}: {scores} → final {_num(e.final)}: {e.final_reason}")
    if lines:
        lines.insert(0, f"Final scores ({results.moderation_rule}; + third judge):")
        lines.insert(0, "")
    return lines
