"""Import every event folder of ../shared/corpus with `parallax import` into a scratch SQLite database.

Prints, per folder, the command's own summary line, then the totals: folders, articles stored, rejected,
folders whose import printed a traceback, and the wall time.
Run: .venv/bin/python bench/import_corpus.py [EVENTS_FOLDER]   (default ../shared/corpus/events)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVENTS = REPO.parent / "shared" / "corpus" / "events"
SUMMARY = re.compile(r"(\d+) stored, (\d+) duplicates, (\d+) rejected")


def main(argv: list[str]) -> int:
    events_folder = Path(argv[0]) if argv else EVENTS
    if not events_folder.is_dir():
        print(f"corpus not found at {events_folder}; nothing to import")
        return 0
    folders = sorted(p for p in events_folder.iterdir() if p.is_dir())
    database = Path(tempfile.mkdtemp(prefix="parallax-corpus-")) / "corpus.db"
    command = [sys.executable, "-m", "app.cli", "--database-url", f"sqlite:///{database}", "import"]
    totals = {"stored": 0, "duplicates": 0, "rejected": 0, "tracebacks": 0, "failed": 0}
    started = time.perf_counter()
    for folder in folders:
        run = subprocess.run(
            [*command, str(folder), "--event", folder.name], capture_output=True, text=True, cwd=REPO
        )
        found = SUMMARY.search(run.stdout)
        if "Traceback" in run.stderr:
            totals["tracebacks"] += 1
        if found is None:
            totals["failed"] += 1
            print(f"{folder.name}: no summary (exit {run.returncode})\n{run.stderr[-2000:]}")
            continue
        stored, duplicates, rejected = (int(n) for n in found.groups())
        totals["stored"] += stored
        totals["duplicates"] += duplicates
        totals["rejected"] += rejected
        print(f"{folder.name}: {found.group(0)}")
        if rejected:
            print("  " + "\n  ".join(line.strip() for line in run.stderr.splitlines() if "rejected" in line))
    elapsed = time.perf_counter() - started
    print(
        f"\n{len(folders)} folders: {totals['stored']} articles stored, {totals['duplicates']} duplicates, "
        f"{totals['rejected']} rejected; {totals['tracebacks']} tracebacks, {totals['failed']} without a "
        f"summary; {elapsed:.0f} s ({elapsed / max(1, len(folders)):.1f} s per folder). Database: {database}"
    )
    return 0 if totals["tracebacks"] == 0 and totals["failed"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
