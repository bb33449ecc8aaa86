"""The judge's use cases: import a batch, score, back up, export a signed sheet."""
