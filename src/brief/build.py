"""The build: read and check everything, assemble every memo, render, then write.

Stage: orchestration (``brief build``). Reads the workspace, assembles one Memo per brief and
audience, renders each requested format in memory and only then writes the files, each through a
temporary file and a rename, so a failed build leaves earlier outputs as they were. Also writes
``build/<brief>/figures.json``, the ledger of every figure the memos show.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from brief.assemble import assemble_memo, check_spec, select_sources
from brief.audiences import load_audience
from brief.errors import BriefError, BriefErrors, LimitError, Location, RenderError, SpecError
from brief.memo import Memo
from brief.provenance import find_span
from brief.render import FORMATS, RenderJob, get_renderer
from brief.render.html import render_html
from brief.spec import BriefSpec, load_spec
from brief.summaries import LoadedSummary, load_catalogue, load_summaries
from brief.templating import Templates
from brief.workspace import Workspace


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # "path:line: warning: message" lines


def source_date(memo_date: date) -> tuple[date, int]:
    """The date stamped into outputs: SOURCE_DATE_EPOCH when set, else the memo's own date,
    so outputs never depend on when the build ran."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = datetime.fromtimestamp(int(epoch), UTC)
        return moment.date(), int(epoch)
    moment = datetime(memo_date.year, memo_date.month, memo_date.day, tzinfo=UTC)
    return memo_date, int(moment.timestamp())


def find_briefs(workspace: Workspace, names: list[str]) -> list[Path]:
    if not names:
        paths = workspace.brief_paths()
        if not paths:
            raise SpecError(f"no briefs found in {workspace.briefs}")
        return paths
    paths = []
    for name in names:
        candidate = Path(name)
        if candidate.suffix == ".md" and candidate.is_file():
            paths.append(candidate.resolve())
        elif (workspace.briefs / f"{name}.md").is_file():
            paths.append(workspace.briefs / f"{name}.md")
        else:
            raise SpecError(f"no brief named '{name}' (looked for {workspace.briefs / (name + '.md')})")
    return paths


@dataclass
class Rendered:
    """One memo rendered in memory: its spec, model and the bytes of each format."""

    spec: BriefSpec
    sources: list[LoadedSummary]
    memo: Memo
    files: dict[str, bytes]  # suffix -> bytes


def plan_builds(
    workspace: Workspace, briefs: list[str], audiences: list[str], summaries: dict[str, LoadedSummary] | None = None
) -> tuple[list[tuple[BriefSpec, list[LoadedSummary], list]], dict]:
    """Read and check every spec and audience before assembling anything (reusing summaries the
    caller has already read)."""
    if summaries is None:
        summaries = load_summaries(workspace)
    catalogue = load_catalogue(workspace)
    plans: list[tuple[BriefSpec, list[LoadedSummary], list]] = []
    errors: list[BriefError] = []
    for path in find_briefs(workspace, briefs):
        try:
            spec = load_spec(path)
            sources = select_sources(spec, summaries)
            check_spec(spec, sources, catalogue)
            names = audiences or spec.front.audiences
            where = {n: spec.location("audiences", i) for i, n in enumerate(spec.front.audiences)}
            loaded = [load_audience(n, workspace.templates, where.get(n)) for n in names]
            plans.append((spec, sources, loaded))
        except BriefErrors as exc:
            errors.extend(exc.errors)
        except BriefError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else BriefErrors(errors)
    return plans, catalogue


def render_memos(workspace: Workspace, plans: list, catalogue: dict, formats: list[str], log: Callable[[str], None]) -> list[Rendered]:
    """Assemble and render every planned memo in memory."""
    rendered: list[Rendered] = []
    for spec, sources, loaded in plans:
        for audience in loaded:
            templates = Templates(workspace.templates, audience.name)
            memo = assemble_memo(spec, sources, catalogue, audience, templates)
            stamp, epoch = source_date(memo.date)
            html = render_html(memo, audience, templates, stamp)
            job = RenderJob(workspace=workspace.root, html=html, reference_docx=audience.reference_docx(), source_date_epoch=epoch)
            files: dict[str, bytes] = {}
            for fmt in formats:
                renderer = get_renderer(fmt)
                try:
                    files[renderer.suffix] = renderer.render(memo, job)
                except BriefError as exc:
                    if exc.location is None:
                        section = spec.prose.get(getattr(exc, "section", None) or "")
                        exc.location = Location(spec.path, section.line if section else None)
                    raise
                log(f"rendered {spec.name}/{audience.name}{renderer.suffix}")
            rendered.append(Rendered(spec, sources, memo, files))
    return rendered


def memo_rules(item: Rendered, catalogue_sources: dict[str, set[str]]) -> list[tuple[str, str, int | None]]:
    """The memo rules of one rendered memo (see :mod:`brief.rules`)."""
    from brief.rules import check_memo, check_options

    found = check_memo(item.spec, item.memo, item.files.get(".pdf"), item.files.get(".docx"))
    return found + check_options(item.spec, catalogue_sources)


def option_sources(sources: list[LoadedSummary]) -> dict[str, set[str]]:
    """Option id -> the sources that discuss it."""
    found: dict[str, set[str]] = {}
    for source in sources:
        for mention in source.summary.options:
            found.setdefault(mention.id, set()).add(source.id)
    return found


def build(
    workspace: Workspace,
    briefs: list[str] | None = None,
    audiences: list[str] | None = None,
    formats: list[str] | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    started = time.perf_counter()
    formats = list(dict.fromkeys(formats or FORMATS))
    plans, catalogue = plan_builds(workspace, briefs or [], audiences or [])
    rendered = render_memos(workspace, plans, catalogue, formats, log)

    # The memo rules that make a memo unfit to send stop the build before anything is written.
    # Warnings (a section over its word budget, say) are reported and do not stop it.
    problems: list[BriefError] = []
    warnings: list[str] = []
    for item in rendered:
        for severity, message, line in memo_rules(item, option_sources(item.sources)):
            if severity == "error":
                problems.append(LimitError(message, Location(item.spec.path, line)))
            else:
                warnings.append(f"{Location(item.spec.path, line)}: warning: {message}")
    if problems:
        unique = list({str(p): p for p in problems}.values())
        raise unique[0] if len(unique) == 1 else BriefErrors(unique)

    outputs: dict[Path, bytes] = {}
    by_brief: dict[str, list[Rendered]] = {}
    for item in rendered:
        out_dir = workspace.build / item.spec.name
        for suffix, data in item.files.items():
            outputs[out_dir / f"{item.memo.audience}{suffix}"] = data
        by_brief.setdefault(item.spec.name, []).append(item)
    for items in by_brief.values():
        first = items[0]
        outputs[workspace.build / first.spec.name / "figures.json"] = _ledger(first.spec, first.sources, [i.memo for i in items])

    # Write: only now, and atomically per file.
    report = BuildReport(warnings=list(dict.fromkeys(warnings)))
    for path, data in outputs.items():
        write_atomic(path, data)
        report.written.append(path)
    report.seconds = time.perf_counter() - started
    return report


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise RenderError(f"cannot write: {exc.strerror}", Location(path)) from None


def _ledger(spec: BriefSpec, sources: list[LoadedSummary], memos: list[Memo]) -> bytes:
    """figures.json: each figure the memos show, where it comes from, and which memos show it."""
    by_id = {s.id: s for s in sources}
    raw_cache: dict[str, str | None] = {}
    entries: dict[str, dict] = {}
    for memo in memos:
        for use in memo.figures:
            entry = entries.get(use.id)
            if entry is None:
                source = by_id[use.source]
                if source.id not in raw_cache:
                    path = source.raw_path()
                    raw_cache[source.id] = path.read_text(encoding="utf-8", errors="replace") if path and path.is_file() else None
                raw = raw_cache[source.id]
                span = find_span(raw, use.quote) if raw is not None else None
                entry = {
                    "id": use.id, "value": use.value, "unit": use.unit, "label": use.label, "period": use.period,
                    "shown_as": use.shown_as, "source": use.source, "quote": use.quote,
                    "source_file": source.summary.source_file,
                    "span": list(span) if span else None, "audiences": [],
                }  # fmt: skip
                entries[use.id] = entry
            entry["audiences"].append(memo.audience)
    document = {"brief": spec.name, "figures": sorted(entries.values(), key=lambda e: e["id"])}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
