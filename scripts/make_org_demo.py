"""Build the organizer's demo workspace (``e2judge organizer --demo``) through the real services.

Writes ``resources/demo/organizer-demo/``: the workspace ``btc-demo`` (DEMO key, the demo contest
built for six judges, sheets collected from four: one newer revision, one forged copy refused) and
``usb`` with the sheet files as they came back, and ``collect.json``, the verdicts of that
collect. Made once here because it takes about half a
minute (four judges score every entry through the judge's services, one durable save each);
``--demo`` then copies it in a fraction of a second. Run: ``python scripts/make_org_demo.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from e2judge.services.org.demo import REPORT, make_demo_workspace  # noqa: E402

TARGET = ROOT / "resources" / "demo" / "organizer-demo"


def main() -> int:
    os.environ["LOGNAME"] = "ban-to-chuc-demo"  # the name the demo's audit log shows (getpass reads it)
    with tempfile.TemporaryDirectory(prefix="e2judge-org-demo-") as tmp:
        demo = make_demo_workspace(Path(tmp), lambda step: print(f"… {step}", flush=True))
        shutil.rmtree(TARGET, ignore_errors=True)
        TARGET.mkdir(parents=True)
        shutil.copytree(demo.orgdir, TARGET / "btc-demo")
        shutil.copytree(demo.usb, TARGET / "usb")
        rows = [{**row.to_json(), "file": Path(row.file).name} for row in demo.report.rows]
        (TARGET / REPORT).write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8")
        for row in demo.report.rows:
            print(f"{Path(row.file).name}: {row.verdict.value} — {row.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
