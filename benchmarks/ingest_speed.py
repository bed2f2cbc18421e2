"""Ingest speed on the White House briefing-room corpus: documents a second on one core, and
peak memory. Reads ../shared/corpus/news/whitehouse_briefing_room_2500.jsonl; prints a table.

    .venv/bin/python benchmarks/ingest_speed.py [--limit N]

The machine is shared and its speed varies from day to day by a factor of two or more, so the
table also times a plain Python loop before and after the run: a rate read beside a slow loop
was measured on a slow machine. To compare two commits, run them alternately on one machine
and compare the ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news" / "whitehouse_briefing_room_2500.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    from brief.ingest.draft import draft_summary
    from brief.ingest.readers import IngestError

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        with CORPUS.open(encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                if args.limit and index >= args.limit:
                    break
                record = json.loads(line)
                path = folder / f"{index:05d}.txt"
                path.write_text(f"{record.get('title', '')}\n\n{record.get('text', '')}", encoding="utf-8")
                paths.append(path)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        draft_summary(paths[0], {}, None)  # warm imports, as a long batch would be
        loops = [_reference_loop()]
        started = time.perf_counter()
        failed = figures = 0
        for path in paths:
            try:
                figures += len(draft_summary(path, {}, None).figures)
            except IngestError:
                failed += 1
        seconds = time.perf_counter() - started
        loops.append(_reference_loop())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(paths) / seconds
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| documents | {len(paths)} ({words:,} words) | 2,491 |")
    print(f"| seconds, one core | {seconds:.1f} | |")
    print(f"| documents per second | {rate:.1f} | ≥ 50 |")
    print(f"| words per second | {words / seconds:,.0f} | |")
    print(f"| peak memory (MB) | {peak:.0f} | ≤ 500 |")
    print(f"| figures found | {figures:,} | |")
    print(f"| files refused | {failed} | |")
    print(f"| machine: a {REFERENCE_STEPS:,}-step Python loop, s (before, after) | {loops[0]:.2f}, {loops[1]:.2f} | |")
    return 0


REFERENCE_STEPS = 10_000_000


def _reference_loop() -> float:
    """Seconds for a plain loop: how fast this machine runs Python at the time of the run."""
    started = time.perf_counter()
    total = 0
    for step in range(REFERENCE_STEPS):
        total += step & 1
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
