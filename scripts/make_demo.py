"""Build the bundled demo batches through the same path an organizer uses (``org build``).

The demo organizer workspace (``resources/demo/organizer``) holds a key labelled DEMO, encrypted
with the published demo passphrase below. It exists only so the demo is reproducible: never use it
for a real contest. Run: ``python scripts/make_demo.py`` (or ``make demo``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from demo_content import write_demo_sources  # noqa: E402

from e2judge.services.org.build import build_batches  # noqa: E402
from e2judge.services.org.workspace import DEMO_LABEL, init_workspace  # noqa: E402

DEMO_PASSPHRASE = "e2judge-demo"  # published on purpose: the demo key protects nothing
DEMO = ROOT / "resources" / "demo"
JUDGES_PER_ENTRY = {"e2-2022": 2, "showcase-2023": 2}


def main() -> int:
    orgdir = DEMO / "organizer"
    if not (orgdir / "keys").exists():
        init_workspace(orgdir, DEMO_PASSPHRASE, DEMO_LABEL, demo=True)
    # The workspace database is rebuilt each time; only the keys are kept in the repository.
    (orgdir / "organizer.sqlite3").unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        (orgdir / f"organizer.sqlite3{suffix}").unlink(missing_ok=True)
    from e2judge.db.org_models import OrgSetting
    from e2judge.db.session import open_org_db

    with open_org_db(orgdir / "organizer.sqlite3") as db, db.transaction() as s:
        s.add(OrgSetting(key="label", value=DEMO_LABEL))
        s.add(OrgSetting(key="demo", value="1"))
    out = DEMO / "batches"
    shutil.rmtree(out, ignore_errors=True)
    for folder in write_demo_sources(DEMO):
        summary = build_batches(
            orgdir,
            folder / "workbook.xlsx",
            out,
            DEMO_PASSPHRASE,
            judges_per_entry=JUDGES_PER_ENTRY[folder.name],
        )
        print(f"{folder.name}: {len(summary.files)} batches, loads {summary.loads}")
    for suffix in ("", "-wal", "-shm"):
        (orgdir / f"organizer.sqlite3{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
