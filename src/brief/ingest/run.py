"""``brief ingest``: draft summaries for many files, report each bad file on one line, write
YAML or print JSON.

Stage: ingest, its orchestration (the CLI calls :func:`run_ingest` and nothing else). Output goes
through the callables the caller passes, so this module knows no terminal library.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from brief.diagnostics import Diagnostic
from brief.ingest.draft import FigureIds, SourceIds, draft_many, expand_paths, to_data, write_summary
from brief.inputs.catalogue import load_catalogue
from brief.progress import Progress
from brief.workspace import Workspace

PROGRESS_FROM = 10  # files; fewer finish before a bar would be worth drawing


def run_ingest(
    ws: Workspace,
    arguments: list[str],
    *,
    as_json: bool,
    out: str | None,
    jobs: int,
    say: Callable[[str], None],
    tell: Callable[[str], None],
    progress: Progress | None = None,
) -> int:
    """Ingest every file; returns how many failed. `say` prints results (the JSON), `tell`
    prints problems and what was written; `progress`, when given, shows a bar for many files."""
    failures = 0
    paths: list[Path] = []
    bar = None

    def note(line: str) -> None:
        if bar is not None:
            bar.note(line)
        else:
            tell(line)

    def fail(problem: Diagnostic) -> None:
        nonlocal failures
        failures += 1
        note(str(problem))

    paths = expand_paths(arguments, fail)
    catalogue = load_catalogue(ws)
    if not ws.catalogue.is_file() and paths:
        # Said once: without a catalogue, no summary gets the stances it takes on options.
        tell(f"note: no option catalogue ({_shown(ws.catalogue)}), so no option stances are drafted; `brief init` writes a starter")
    out_dir = Path(out).resolve() if out else ws.seeds
    summaries = []
    figure_ids = None if as_json else FigureIds(out_dir)
    sources = None if as_json else SourceIds(out_dir)
    if progress is not None and len(paths) >= PROGRESS_FROM:
        bar = progress
        bar.start(len(paths))
    try:
        for path, summary, problems in draft_many(paths, catalogue, out_dir, jobs):
            if bar is not None:
                bar.advance(_shown(path), 0.0)
            if problems or summary is None:
                failures += 1  # one file, however many problems it has
                for problem in problems or [Diagnostic("error", "ingest/failed", "cannot ingest")]:
                    note(str(problem))
                continue
            if as_json:
                summaries.append(to_data(summary))
                continue
            target, kept = write_summary(summary, out_dir, figure_ids, sources)
            edits = f" (kept your edits to {', '.join(kept)})" if kept else ""
            note(f"{_shown(path)} -> {_shown(target)}{edits}")
    finally:
        if bar is not None:
            bar.finish()
    if as_json:
        say(json.dumps(summaries, indent=2, ensure_ascii=False))
    return failures


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
