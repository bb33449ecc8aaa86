"""Writing the results workbook and PDF report, each export logged in the workspace."""

from __future__ import annotations

from pathlib import Path

from e2judge.services.org import audit
from e2judge.services.org.results import Results
from e2judge.services.org.workspace import open_workspace


def export_results(
    orgdir: Path, results: Results, *, xlsx: Path | None = None, pdf: Path | None = None, lang: str = "vi"
) -> None:
    """Write the files asked for (each atomically), then log each export."""
    from e2judge.pdf.results_report import write_results_pdf
    from e2judge.xlsx.results_workbook import write_results_workbook

    written: list[tuple[str, Path]] = []
    if xlsx is not None:
        write_results_workbook(results, xlsx)
        written.append(("results workbook", xlsx))
    if pdf is not None:
        write_results_pdf(results, pdf, lang)
        written.append(("results PDF", pdf))
    _ws, db = open_workspace(orgdir)
    with db:
        for kind, path in written:
            what = f"{kind} of {results.contest_key} / {results.round_name}"
            audit.log_event(db, "export", path.name, what)
