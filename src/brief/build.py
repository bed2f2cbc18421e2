"""The build: decide what is out of date, assemble and render it across cores, check, then write.

Stage: orchestration (``brief build``).

1. **Plan, cheaply.** Each memo (a brief for one audience) is keyed on the content hash of its
   inputs (see :mod:`brief.manifest`). A memo whose key and files match the manifest is skipped;
   when nothing is stale the build ends here, having parsed no summary and imported no renderer.
2. **Check** what is stale: every summary, the specs and audiences concerned, all errors at once.
3. **Render** each stale memo (assemble, HTML, PDF, DOCX, memo rules) in a pool of worker processes,
   ``jobs`` at a time, largest first.
4. **Write**, only when every memo passed: each file through a temporary file and a rename, then
   ``figures.json`` (the ledger of every figure the memos show) and the manifest. A failed build
   leaves earlier outputs as they were.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import BriefError, BriefErrors, LimitError, Location, RenderError, SpecError
from brief.manifest import FileRecord, Inputs, Manifest, MemoRecord, memo_key, raw_stamp, resolve_sources, sha256_bytes
from brief.render import FORMATS  # format names are also the file suffixes
from brief.workspace import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable

    from brief.audiences import Audience
    from brief.models import CatalogueOption
    from brief.progress import Progress
    from brief.spec import BriefSpec
    from brief.summaries import LoadedSummary


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)  # outputs the build found current
    memos_built: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # "path:line: warning: message" lines


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


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


# ---------------------------------------------------------------------------------------------
# One memo, start to finish: what a worker process does.


@dataclass(frozen=True)
class MemoTask:
    """Everything needed to make one memo, already read and checked (it crosses to a worker)."""

    workspace: Workspace
    spec: BriefSpec
    sources: list[LoadedSummary]
    catalogue: dict[str, CatalogueOption]
    audience: Audience
    formats: tuple[str, ...]


@dataclass
class MemoResult:
    brief: str
    audience: str
    files: dict[str, bytes] = field(default_factory=dict)  # format -> bytes
    rules: list[tuple[str, str, int | None]] = field(default_factory=list)  # (severity, message, spec line)
    errors: list[BriefError] = field(default_factory=list)  # the memo could not be made
    figures: list[dict[str, Any]] = field(default_factory=list)  # the ledger's view of memo.figures
    loaded: list[str] = field(default_factory=list)  # template files and reference .docx it used
    seconds: float = 0.0


def render_memo(task: MemoTask) -> MemoResult:
    """Assemble one memo, render each format in memory and check the memo rules on what was
    rendered. Problems come back in the result, never as an exception, so one bad memo does not
    hide the others' problems."""
    from brief.assemble import assemble_memo
    from brief.render import RenderJob, get_renderer
    from brief.render.html import render_html
    from brief.render.pdf import PdfRenderer
    from brief.rules import check_memo, check_options
    from brief.templating import Templates

    started = time.perf_counter()
    spec, audience = task.spec, task.audience
    result = MemoResult(spec.name, audience.name)
    templates = Templates(task.workspace.templates, audience.name)
    pages = None
    try:
        memo = assemble_memo(spec, task.sources, task.catalogue, audience, templates)
        stamp, epoch = source_date(memo.date)
        html = render_html(memo, audience, templates, stamp)
        reference = audience.reference_docx()
        job = RenderJob(workspace=task.workspace.root, html=html, reference_docx=reference, source_date_epoch=epoch)
        for fmt in task.formats:
            if fmt == "pdf":
                result.files[fmt], pages = PdfRenderer().render_with_text(memo, job)
            else:
                result.files[fmt] = get_renderer(fmt).render(memo, job)
    except BriefError as exc:
        for error in exc.errors if isinstance(exc, BriefErrors) else [exc]:
            if error.location is None:
                section = spec.prose.get(getattr(error, "section", None) or "")
                error.location = Location(spec.path, section.line if section else None)
        result.errors.append(exc)
        result.files = {}
    else:
        result.rules = check_memo(spec, memo, pages, result.files.get("docx")) + check_options(spec, option_sources(task.sources))
        result.figures = [asdict(use) for use in memo.figures]
        result.loaded = sorted(templates.loaded | ({str(reference)} if reference else set()))
    result.seconds = time.perf_counter() - started
    return result


def option_sources(sources: list[LoadedSummary]) -> dict[str, set[str]]:
    """Option id -> the sources that discuss it."""
    found: dict[str, set[str]] = {}
    for source in sources:
        for mention in source.summary.options:
            found.setdefault(mention.id, set()).add(source.id)
    return found


def run_memos(tasks: list[MemoTask], jobs: int, progress: Progress | None = None, workers: Workers | None = None) -> list[MemoResult]:
    """Render every task, `jobs` at a time in worker processes (those of `workers` when the
    caller started them early); results in task order."""
    if progress:
        progress.start(len(tasks))
    results: list[MemoResult | None] = [None] * len(tasks)

    def done(index: int, result: MemoResult) -> None:
        results[index] = result
        if progress:
            progress.advance(f"{result.brief}/{result.audience}", result.seconds)

    try:
        if workers is None and min(jobs, len(tasks)) > 1:
            with Workers(min(jobs, len(tasks))) as pool:
                pool.run(tasks, done)
        elif workers is not None and len(tasks) > 1:
            workers.run(tasks, done)
        else:
            for index, task in enumerate(tasks):
                done(index, render_memo(task))
    finally:
        if progress:
            progress.finish()
    return [r for r in results if r is not None]


def _warm_up() -> None:
    """Import the renderers in a new worker, while the parent is still reading the workspace."""
    import docx  # noqa: F401
    import weasyprint  # noqa: F401

    import brief.assemble
    import brief.render.docx  # noqa: F401


class Workers:
    """A pool of worker processes, started before the parent reads and checks the workspace so
    that their imports (WeasyPrint alone takes most of a second) overlap that work."""

    def __init__(self, count: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork starts a worker in milliseconds; it is only safe when no other thread runs
        # (brief serve builds from a thread), where forkserver is used instead.
        methods = multiprocessing.get_all_start_methods()
        method = "fork" if "fork" in methods and threading.active_count() == 1 else ("forkserver" if "forkserver" in methods else "spawn")
        before = set(multiprocessing.active_children())
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context(method))
        for _ in range(count):
            self.pool.submit(_warm_up)
        self.children = [c for c in multiprocessing.active_children() if c not in before]
        self.finished = False

    def run(self, tasks: list[MemoTask], done: Callable[[int, MemoResult], None]) -> None:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        try:
            futures = {self.pool.submit(render_memo, task): index for index, task in enumerate(tasks)}
            for future in as_completed(futures):
                done(futures[future], future.result())
        except BrokenProcessPool:
            raise RenderError("a build worker stopped unexpectedly (out of memory?); try again with --jobs 1") from None
        self.finished = True

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.finished:
            # The build stopped early (an error in the workspace, Ctrl-C): do not wait for the
            # workers to finish importing or rendering what nobody will write.
            for child in self.children:
                child.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# Planning: which memos are stale, and reading and checking what they need.


@dataclass
class Wanted:
    """One memo the command asks for, and whether the manifest says it is current."""

    brief: str
    path: Path
    spec_sha: str
    spec_audiences: list[str]
    sources: list[str]  # selected source ids; empty when an entry names a missing one
    audience: str
    fresh: bool


def plan_builds(
    workspace: Workspace,
    briefs: list[str],
    audiences: list[str],
    summaries: dict[str, LoadedSummary] | None = None,
    only: dict[str, list[str]] | None = None,
) -> tuple[list[tuple[BriefSpec, list[LoadedSummary], list[Audience]]], dict[str, CatalogueOption]]:
    """Read and check every spec and audience before anything is assembled; all problems are
    reported together. `only` limits it to some briefs, each with the audiences to load."""
    from brief.assemble import check_spec, select_sources
    from brief.audiences import load_audience
    from brief.spec import load_spec
    from brief.summaries import load_catalogue, load_summaries

    if summaries is None:
        summaries = load_summaries(workspace)
    catalogue = load_catalogue(workspace)
    plans: list[tuple[BriefSpec, list[LoadedSummary], list[Audience]]] = []
    errors: list[BriefError] = []
    for path in find_briefs(workspace, briefs):
        if only is not None and path.stem not in only:
            continue
        try:
            spec = load_spec(path)
            sources = select_sources(spec, summaries)
            check_spec(spec, sources, catalogue)
            names = only[spec.name] if only is not None else audiences or spec.front.audiences
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


def _wanted(
    workspace: Workspace, manifest: Manifest, inputs: Inputs, paths: list[Path], audiences: list[str], formats: list[str], force: bool
) -> list[Wanted]:
    """Every memo asked for, each marked fresh or stale. Specs are parsed only when they changed
    since the manifest last saw them; summaries are not parsed at all."""
    wanted: list[Wanted] = []
    errors: list[BriefError] = []
    for path in paths:
        name = path.stem
        spec_sha = inputs.digest(path) or ""
        cached = manifest.specs.get(name)
        if cached and cached.get("sha") == spec_sha:
            patterns, spec_audiences = list(cached["sources"]), list(cached["audiences"])
        else:
            from brief.spec import load_spec

            try:
                front = load_spec(path).front
            except BriefError as exc:
                errors.extend(exc.errors if isinstance(exc, BriefErrors) else [exc])
                continue
            patterns, spec_audiences = list(front.sources), list(front.audiences)
        ids, missing = resolve_sources(patterns, list(inputs.seed_files()))
        out_dir = workspace.build / name
        for audience in audiences or spec_audiences:
            record = manifest.memos.get(f"{name}/{audience}")
            fresh = False
            if record and missing is None and not force:
                key = memo_key(inputs, spec_sha, ids, audience, record.extra_deps)
                fresh = key == record.key and all(fmt in record.files and record.files[fmt].matches(out_dir) for fmt in formats)
            wanted.append(Wanted(name, path, spec_sha, spec_audiences, ids if missing is None else [], audience, fresh))
    if errors:
        raise errors[0] if len(errors) == 1 else BriefErrors(errors)
    return wanted


def _ledger_key(records: list[tuple[str, MemoRecord]], sources: list[str], raw: dict[str, str | None]) -> str | None:
    if any(source not in raw for source in sources):
        return None
    parts = [f"memo {audience} {record.key}" for audience, record in records]
    parts += [f"raw {source} {raw_stamp(raw[source])}" for source in sources]
    return sha256_bytes("\n".join(parts).encode("utf-8"))


def _ledger_records(manifest: Manifest, brief: str, audiences: list[str]) -> list[tuple[str, MemoRecord]]:
    return [(a, manifest.memos[f"{brief}/{a}"]) for a in audiences if f"{brief}/{a}" in manifest.memos]


# ---------------------------------------------------------------------------------------------
# The build.


def build(
    workspace: Workspace,
    briefs: list[str] | None = None,
    audiences: list[str] | None = None,
    formats: list[str] | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    started = time.perf_counter()
    formats = list(dict.fromkeys(formats or FORMATS))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    manifest = Manifest.load(workspace.build)
    inputs = Inputs(workspace.seeds, workspace.templates, workspace.catalogue, workspace.root / "brief.toml")
    paths = find_briefs(workspace, briefs or [])
    wanted = _wanted(workspace, manifest, inputs, paths, list(audiences or []), formats, force)

    # The ledger of each brief lists the figures of every current memo of it.
    ledger_audiences: dict[str, list[str]] = {}
    for item in wanted:
        names = ledger_audiences.setdefault(item.brief, list(item.spec_audiences))
        if item.audience not in names:
            names.append(item.audience)
    stale = [w for w in wanted if not w.fresh]
    stale_ledgers = set()
    for item in {w.brief: w for w in wanted}.values():
        entry = manifest.ledgers.get(item.brief)
        key = _ledger_key(_ledger_records(manifest, item.brief, ledger_audiences[item.brief]), item.sources, manifest.raw)
        if force or not entry or entry.get("key") != key or not FileRecord(**entry["file"]).matches(workspace.build / item.brief):
            stale_ledgers.add(item.brief)

    report = BuildReport()
    if stale or stale_ledgers:
        _rebuild(
            workspace, manifest, inputs, wanted, stale, stale_ledgers, ledger_audiences, formats, jobs or default_jobs(), progress, report
        )
    for item in wanted:
        record = manifest.memos.get(f"{item.brief}/{item.audience}")
        if record is None:
            continue
        if item.fresh:
            report.up_to_date += [workspace.build / item.brief / f"{item.audience}.{fmt}" for fmt in formats]
        for path, line, message in record.warnings:
            report.warnings.append(f"{Location(path, line)}: warning: {message}")
    report.warnings = list(dict.fromkeys(report.warnings))
    report.seconds = time.perf_counter() - started
    return report


def _rebuild(
    workspace: Workspace,
    manifest: Manifest,
    inputs: Inputs,
    wanted: list[Wanted],
    stale: list[Wanted],
    stale_ledgers: set[str],
    ledger_audiences: dict[str, list[str]],
    formats: list[str],
    jobs: int,
    progress: Progress | None,
    report: BuildReport,
) -> None:
    """Check, render and write the stale memos (and the ledgers of their briefs)."""
    from brief.templating import BUILTIN

    only: dict[str, list[str]] = {name: [] for name in sorted(stale_ledgers)}
    for item in stale:
        only.setdefault(item.brief, []).append(item.audience)
    paths = list(dict.fromkeys(str(w.path) for w in wanted if w.brief in only))
    with contextlib.ExitStack() as stack:
        count = min(jobs, len(stale))
        workers = stack.enter_context(Workers(count)) if count > 1 else None
        plans, catalogue = plan_builds(workspace, paths, [], only=only)
        specs = {spec.name: (spec, sources) for spec, sources, _ in plans}
        tasks = [MemoTask(workspace, spec, sources, catalogue, a, tuple(formats)) for spec, sources, loaded in plans for a in loaded]
        tasks.sort(key=lambda t: -_expected_seconds(manifest, t))
        results = run_memos(tasks, jobs, progress, workers)

    # The memo rules that make a memo unfit to send stop the build before anything is written.
    # Warnings (a section over its word budget, say) are reported and do not stop it.
    problems: list[BriefError] = []
    for result in results:
        for error in result.errors:
            problems.extend(error.errors if isinstance(error, BriefErrors) else [error])
        spec = specs[result.brief][0]
        problems += [LimitError(message, Location(spec.path, line)) for severity, message, line in result.rules if severity == "error"]
    if problems:
        unique_problems = list({str(p): p for p in problems}.values())
        raise unique_problems[0] if len(unique_problems) == 1 else BriefErrors(unique_problems)

    # Write: only now, and atomically per file; the manifest last.
    by_name = {(w.brief, w.audience): w for w in wanted}
    for result in results:
        spec = specs[result.brief][0]
        item = by_name[(result.brief, result.audience)]
        out_dir = workspace.build / result.brief
        previous = manifest.memos.get(f"{result.brief}/{result.audience}")
        # Workspace templates are keyed as a set and built-in ones by the engine fingerprint;
        # anything else the memo loaded (another audience's file, a reference .docx) is extra.
        extra = [dep for dep in result.loaded if not any(_inside(Path(dep), root) for root in (workspace.templates, BUILTIN))]
        key = memo_key(inputs, item.spec_sha, [s.id for s in specs[result.brief][1]], result.audience, extra)
        files = dict(previous.files) if previous and previous.key == key else {}
        for fmt, data in result.files.items():
            path = out_dir / f"{result.audience}.{fmt}"
            write_atomic(path, data)
            report.written.append(path)
            files[fmt] = FileRecord.of(path)
        warnings = [(str(spec.path), line, message) for severity, message, line in result.rules if severity != "error"]
        manifest.memos[f"{result.brief}/{result.audience}"] = MemoRecord(key, files, warnings, result.figures, extra, result.seconds)
        report.memos_built += 1

    for name, (spec, sources) in specs.items():
        manifest.specs[name] = {
            "sha": inputs.digest(spec.path),
            "sources": list(spec.front.sources),
            "audiences": list(spec.front.audiences),
        }
        for source in sources:
            raw = source.raw_path()
            manifest.raw[source.id] = str(raw) if raw else None
        records = _ledger_records(manifest, name, ledger_audiences.get(name, []))
        path = workspace.build / name / "figures.json"
        write_atomic(path, _ledger(spec, sources, records))
        report.written.append(path)
        key = _ledger_key(records, [s.id for s in sources], manifest.raw)
        manifest.ledgers[name] = {"key": key, "file": vars(FileRecord.of(path))}
    write_atomic(manifest.path, manifest.dumps())


def _expected_seconds(manifest: Manifest, task: MemoTask) -> float:
    """How long a memo took last time, else a guess from its page limit: the longest go first,
    so the pool does not finish on one long memo while the other cores idle."""
    record = manifest.memos.get(f"{task.spec.name}/{task.audience.name}")
    if record and record.seconds:
        return record.seconds
    pages = task.audience.profile.limits.pages
    return 0.4 * pages if pages else 5.0


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            # mkstemp makes the file private; an output gets the mode any new file would.
            os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise RenderError(f"cannot write: {exc.strerror}", Location(path)) from None


def _ledger(spec: BriefSpec, sources: list[LoadedSummary], records: list[tuple[str, MemoRecord]]) -> bytes:
    """figures.json: each figure the memos show, where it comes from, and which memos show it."""
    from brief.provenance import find_span

    by_id = {s.id: s for s in sources}
    raw_cache: dict[str, str | None] = {}
    entries: dict[str, dict[str, Any]] = {}
    for audience, record in records:
        for use in record.figures:
            entry = entries.get(use["id"])
            source = by_id.get(use["source"])
            if source is None:  # a memo built before its brief dropped this source
                continue
            if entry is None:
                if source.id not in raw_cache:
                    path = source.raw_path()
                    raw_cache[source.id] = path.read_text(encoding="utf-8", errors="replace") if path and path.is_file() else None
                raw = raw_cache[source.id]
                span = find_span(raw, use["quote"]) if raw is not None else None
                entry = {
                    "id": use["id"], "value": use["value"], "unit": use["unit"], "label": use["label"], "period": use["period"],
                    "shown_as": use["shown_as"], "source": use["source"], "quote": use["quote"],
                    "source_file": source.summary.source_file,
                    "span": list(span) if span else None, "audiences": [],
                }  # fmt: skip
                entries[use["id"]] = entry
            if audience not in entry["audiences"]:
                entry["audiences"].append(audience)
    document = {"brief": spec.name, "figures": sorted(entries.values(), key=lambda e: e["id"])}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
