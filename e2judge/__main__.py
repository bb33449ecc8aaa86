"""``python -m e2judge``."""

import sys

from e2judge.cli.main import main

sys.exit(main())
