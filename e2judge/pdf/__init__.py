"""PDF reports (reportlab platypus): per-entry rubric reports, the judge's summary, organizer results."""
