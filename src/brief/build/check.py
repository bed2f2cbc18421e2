"""``brief check``: verify what memos claim against the raw sources, then make every memo in
memory and verify it as the build would.

Stage: build (it drives :mod:`brief.verify` over the workspace). For each brief: its citations
name summaries and figures that exist; for each summary a brief uses: its figures and quotations
against the raw source, and whether the source changed; across those summaries: figures whose
values differ, each classified as the staff memo's "Where Sources Differ" classifies it. When
none of that is an error, every memo is made in memory through the build's own workers (nothing
is written) and verified. Returns diagnostics, with the workspace's severities.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from brief.diagnostics import Diagnostic, Location, unique
from brief.errors import BriefError, ConfigError
from brief.inputs.project import draft_line, find_briefs, read_briefs, select_sources
from brief.inputs.spec import load_spec
from brief.inputs.summaries import LoadedSummary, load_summaries
from brief.verify.sources import TextReader, check_citations, check_conflicts, check_summary, find_raw
from brief.workspace import Workspace


def run_check(workspace: Workspace, briefs: Sequence[str], sources_dir: Path | None, reader: TextReader | None = None) -> list[Diagnostic]:
    """All findings for the named briefs (or all), with the summaries they use; `reader` reads a
    raw source as ingest did (the command passes ingest's readers)."""
    severities = workspace.severities()
    summaries = load_summaries(workspace)
    if sources_dir is not None and not sources_dir.is_dir():
        raise ConfigError("the --sources folder does not exist", Location(sources_dir), "config/invalid")
    # A workspace without a brief yet (summaries just ingested) has every summary checked.
    paths = find_briefs(workspace, briefs) if briefs or workspace.brief_paths() else []
    found: list[Diagnostic] = []
    used: dict[str, LoadedSummary] = {} if paths else dict(summaries)
    for path in paths:
        try:
            spec = load_spec(path)
            chosen = select_sources(spec, summaries)
        except BriefError as exc:
            found.extend(exc.diagnostics())
            continue
        found.extend(check_citations(spec, summaries))
        used.update({s.id: s for s in chosen})
    for item in used.values():
        found.extend(check_summary(item, find_raw(item, sources_dir), reader))
        if item.summary.draft:  # a build refuses it; check reads it all the same, and says so
            found.append(_draft_warning(item))
    found.extend(check_conflicts(list(used.values())))
    found = severities.apply(found)
    if not any(d.severity == "error" for d in found):
        found.extend(_check_memos(workspace, paths, summaries))
    return unique(found)


def _draft_warning(item: LoadedSummary) -> Diagnostic:
    line = draft_line(item.path.read_text(encoding="utf-8"))
    message = f"summary '{item.id}' is a draft awaiting review: `brief build` refuses it until draft: false (`brief review {item.id}`)"
    return Diagnostic("warning", "summary/draft", message, Location(item.path, line))


def _check_memos(workspace: Workspace, paths: Sequence[Path], summaries: dict[str, LoadedSummary]) -> list[Diagnostic]:
    """Make every memo in memory (nothing is written) and verify its PDF and DOCX. A memo that
    cannot be made at all is itself a finding."""
    from brief.build.pipeline import MemoTask
    from brief.build.workers import default_jobs, run_memos

    briefs, catalogue = read_briefs(workspace, paths, summaries=summaries)
    # Drafts were reported above: the memos are checked as a draft build would make them.
    tasks = [
        MemoTask(workspace, b.spec, b.sources, catalogue, audience, ("pdf", "docx"), draft=any(s.summary.draft for s in b.sources))
        for b in briefs
        for audience in b.audiences
    ]
    return [d for result in run_memos(tasks, default_jobs()) for d in result.diagnostics]
