"""Build speed of this checkout against an earlier revision of brief, side by side in one run.

The earlier revision's ``src/`` is taken from git (``git archive``) and run with the same
interpreter and libraries, so only brief's own code differs. For each of the two, on a fresh copy
of its own sample workspace (a revision's sample is the one its code was written for; when the
samples differ the table says so, and the scale workspace, the same for both, is the like-for-like
measure): a cold ``brief build`` (default ``--jobs``), a rebuild with nothing to do, and
``brief --help``; with ``--scale``, also a cold build of the large generated workspace
(see scale_workspace.py; generated once, by the older revision's ``brief ingest``). The runs alternate
(old, new, old, new, ...) so that load on a shared machine falls on both alike; the table gives
medians and the ratio new / old.

    .venv/bin/python benchmarks/compare.py [REVISION] [--repeats 5] [--scale]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PARTS = ("seeds", "briefs", "templates", "options.yaml")


def extract(revision: str, dest: Path) -> Path:
    archive = dest / "src.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "-C", str(REPO), "archive", revision, "src", *PARTS], stdout=handle, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest / revision, filter="data")
    src = dest / revision / "src"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
    return src


def workspace(parent: Path, sample: Path = REPO) -> Path:
    """A copy of a sample workspace; the raw sources stay reachable as ../../shared."""
    parent.mkdir(parents=True)
    ws = parent / "ws"
    ws.mkdir()
    for name in PARTS:
        source = sample / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, ws / name)
    if SHARED.is_dir():
        (parent / "shared").symlink_to(SHARED, target_is_directory=True)
    return ws


def timed(src: Path, ws: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("SOURCE_DATE_EPOCH", None)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "brief", *args], cwd=ws, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"brief {' '.join(args)} failed with {src}:\n{result.stderr[-2000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", nargs="?", default="HEAD~1", help="the earlier revision (default: HEAD~1)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--scale", action="store_true", help="also build the 200-source workspace (twice each)")
    args = parser.parse_args()
    measures = ["cold build", "no-op rebuild", "brief --help"]
    with tempfile.TemporaryDirectory(prefix="brief-compare-") as tmp:
        root = Path(tmp)
        sources = {"old": extract(args.revision, root), "new": REPO / "src"}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True)
        times: dict[tuple[str, str], list[float]] = {}
        for round_ in range(args.repeats):
            for which, src in sources.items():
                ws = workspace(root / f"{which}-{round_}", src.parent)
                times.setdefault((which, "cold build"), []).append(timed(src, ws, "build", "--quiet"))
                times.setdefault((which, "no-op rebuild"), []).append(timed(src, ws, "build", "--quiet"))
                times.setdefault((which, "brief --help"), []).append(timed(src, ws, "--help"))
        if args.scale:
            measures.append("scale: cold build")
            scale = root / "scale"
            # The older revision's ingest writes the summaries: a newer brief reads older summaries,
            # not always the other way round (a field added since would be an unknown key).
            older = {**os.environ, "PYTHONPATH": str(sources["old"])}
            subprocess.run(
                [sys.executable, str(REPO / "benchmarks" / "scale_workspace.py"), str(scale)], check=True, capture_output=True, env=older
            )
            # An older revision prints a marked subject in a public brief ("(U) Whether ...") and
            # stops there; the timing is what is compared here, so that finding is a warning.
            with (scale / "brief.toml").open("a", encoding="utf-8") as config:
                config.write('\n[rules]\n"memo/public-marking" = "warning"\n')
            for _ in range(2):
                for which, src in sources.items():
                    shutil.rmtree(scale / "build", ignore_errors=True)
                    times.setdefault((which, "scale: cold build"), []).append(timed(src, scale, "build", "--quiet"))
    print(f"brief at {args.revision} (old) against this checkout (new): medians of {args.repeats} alternating runs")
    print("(each on its own sample workspace; the scale workspace is the same for both)\n")
    print("| measurement | old | new | new / old |")
    print("|---|--:|--:|--:|")
    for what in measures:
        old, new = statistics.median(times[("old", what)]), statistics.median(times[("new", what)])
        print(f"| {what} | {old:.2f} s | {new:.2f} s | {new / old:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
