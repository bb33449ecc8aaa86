"""The organizer's use cases: workspace, build batches, enrol judges, collect sheets, results."""
