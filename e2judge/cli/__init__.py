"""The ``e2judge`` command line: every capability of the GUI, scriptable."""
