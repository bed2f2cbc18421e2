"""Ingest's work per document in machine instructions, which do not change with the machine's speed.

This machine is shared, and its speed varies by a factor of two or more from one day to the
next: `ingest_speed.py` has printed 76 and 28 documents a second for the same commit. The number
of instructions a document costs is the same on every run, so it tells whether a change made
ingest cheaper or dearer. It is counted by Valgrind (Debian's valgrind package), once over one
document and once over N + 1, so that starting Python and importing brief cancel out.

    .venv/bin/python benchmarks/ingest_work.py [--documents N] [--every K]

Runs under Valgrind are about fifty times slower than plain runs: the default 40 documents
(every 50th of the briefing-room corpus) take about a minute and a half.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news" / "whitehouse_briefing_room_2500.jsonl"
SRC = Path(__file__).resolve().parents[1] / "src"
# The child drafts the first `count` of every `every`-th document; one document first warms imports.
CHILD = """
import json, sys, tempfile
from pathlib import Path
from brief.ingest.draft import draft_summary
from brief.ingest.readers import IngestError
count, every, corpus = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
folder = Path(tempfile.mkdtemp())
paths = []
with open(corpus, encoding="utf-8") as handle:
    for index, line in enumerate(handle):
        if index % every == 0 and len(paths) < count:
            record = json.loads(line)
            path = folder / f"{index:05d}.txt"
            path.write_text(f"{record.get('title', '')}\\n\\n{record.get('text', '')}", encoding="utf-8")
            paths.append(path)
for path in paths:
    try:
        draft_summary(path, {}, None)
    except IngestError:
        pass
"""


def instructions(count: int, every: int) -> int:
    """Instructions Valgrind counts for a Python that drafts `count` documents."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "OPENBLAS_NUM_THREADS": "1"}
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    done = subprocess.run(
        [*command, sys.executable, "-c", CHILD, str(count), str(every), str(CORPUS)], capture_output=True, text=True, env=env, check=True
    )
    match = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if not match:
        raise RuntimeError("valgrind printed no instruction count")
    return int(match.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=40, help="documents to count over")
    parser.add_argument("--every", type=int, default=50, help="take every K-th document of the corpus")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    if shutil.which("valgrind") is None:
        print("valgrind not found: install Debian's valgrind package to count instructions", file=sys.stderr)
        return 2
    base = instructions(1, args.every)
    total = instructions(args.documents + 1, args.every)
    print("| measure | value |")
    print("|---|---|")
    print(f"| documents | {args.documents} (every {args.every}th of the corpus, after the first) |")
    print(f"| instructions per document (millions) | {(total - base) / args.documents / 1e6:.1f} |")
    print(f"| instructions to start and import, with the first document (millions) | {base / 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
