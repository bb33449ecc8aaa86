"""Use cases: each owns its transaction and returns a summary of what changed."""
