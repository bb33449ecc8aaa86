"""E2 Judge: offline judging for the Education Exchange Vietnam forum."""

__version__ = "0.1.0"
