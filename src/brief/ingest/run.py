"""``brief ingest``: draft summaries for many files, report each bad file on one line, write
YAML or print JSON.

Stage: orchestration of ingest (the CLI calls :func:`run_ingest` and nothing else).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from brief.ingest.draft import FigureIds, draft_many, expand_paths, to_data, write_summary
from brief.summaries import load_catalogue
from brief.workspace import Workspace

PROGRESS_FROM = 10  # files; fewer finish before a bar would be worth drawing


def run_ingest(ws: Workspace, arguments: list[str], as_json: bool, out: str | None, jobs: int, echo: Callable[..., None]) -> int:
    """Ingest every file; returns how many failed."""
    import click

    failures = 0

    def fail(line: str) -> None:
        nonlocal failures
        failures += 1
        echo(line, err=True)

    paths = expand_paths(arguments, fail)
    catalogue = load_catalogue(ws)
    out_dir = Path(out).resolve() if out else ws.seeds
    summaries = []
    show_bar = len(paths) >= PROGRESS_FROM and sys.stderr.isatty()
    figure_ids = None if as_json else FigureIds(out_dir)
    results = draft_many(paths, catalogue, out_dir, jobs)
    with click.progressbar(results, length=len(paths), label="Ingesting", file=sys.stderr) if show_bar else _Plain(results) as items:
        for path, summary, error in items:
            if error is not None or summary is None:
                fail(error or f"{path}: error: cannot ingest")
                continue
            if as_json:
                summaries.append(to_data(summary))
                continue
            target, kept = write_summary(summary, out_dir, figure_ids)
            note = f" (kept your edits to {', '.join(kept)})" if kept else ""
            echo(f"wrote {_shown(target)}{note}", err=True)
    if as_json:
        echo(json.dumps(summaries, indent=2, ensure_ascii=False))
    return failures


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Plain:
    """The no-progress-bar stand-in for click.progressbar, for pipes and small batches."""

    def __init__(self, items):  # type: ignore[no-untyped-def]
        self.items = items

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None
