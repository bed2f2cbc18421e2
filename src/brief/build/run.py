"""The build: decide what is out of date, make it across cores, verify it, then write.

Stage: build (``brief build``), the last stage; it drives the others.

1. **Plan, cheaply** (:mod:`.plan`). A memo whose key and files match the manifest is skipped;
   when nothing is stale the build ends there, having parsed no summary and imported no renderer.
2. **Read** what is stale (:func:`brief.inputs.project.read_briefs`): every summary, the specs and
   audiences concerned, all errors at once.
3. **Make** each stale memo (:mod:`.pipeline`: assemble, render, verify) in worker processes
   (:mod:`.workers`), ``jobs`` at a time, longest first.
4. **Write**, only when no memo has an error: each file through a temporary file and a rename,
   then each brief's ``figures.json`` (:mod:`.ledger`) and the manifest. A failed build leaves
   earlier outputs as they were.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brief.build.ledger import ledger_key, ledger_records, make_ledger
from brief.build.manifest import FileRecord, Inputs, Manifest, MemoRecord, memo_key
from brief.build.plan import Plan, plan_build
from brief.diagnostics import Diagnostic, unique
from brief.errors import raise_all
from brief.fsio import write_atomic
from brief.inputs.project import find_briefs
from brief.render import FORMATS  # format names are also the file suffixes
from brief.workspace import Workspace

if TYPE_CHECKING:
    from brief.build.pipeline import MemoTask
    from brief.progress import Progress


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)  # outputs the build found current
    seconds: float = 0.0
    warnings: list[Diagnostic] = field(default_factory=list)  # of the memos made now, and those stored for the rest


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
    plan = plan_build(workspace, manifest, inputs, paths, list(audiences or []), formats, force)

    report = BuildReport()
    made: dict[tuple[str, str], list[Diagnostic]] = {}
    if plan.stale or plan.stale_ledgers:
        from brief.build.workers import default_jobs

        made = _rebuild(workspace, manifest, inputs, plan, formats, jobs or default_jobs(), progress, report)
    for item in plan.wanted:
        if (item.brief, item.audience) in made:  # made now: its warnings come straight from the memo
            report.warnings += made[(item.brief, item.audience)]
            continue
        record = manifest.memos.get(f"{item.brief}/{item.audience}")
        if record is None:
            continue
        if item.fresh:
            report.up_to_date += [workspace.build / item.brief / f"{item.audience}.{fmt}" for fmt in formats]
        # Skipped: its warnings still ask for the analyst's attention, so they are repeated.
        report.warnings += [Diagnostic.from_record(warning) for warning in record.warnings]
    report.warnings = unique(report.warnings)
    report.seconds = time.perf_counter() - started
    return report


def _rebuild(
    workspace: Workspace,
    manifest: Manifest,
    inputs: Inputs,
    plan: Plan,
    formats: list[str],
    jobs: int,
    progress: Progress | None,
    report: BuildReport,
) -> dict[tuple[str, str], list[Diagnostic]]:
    """Read, make and write the stale memos (and the ledgers of their briefs); the warnings of
    each memo made."""
    from brief.build.pipeline import MemoTask
    from brief.build.workers import Workers, run_memos
    from brief.inputs.project import read_briefs
    from brief.inputs.templating import BUILTIN

    stale = plan.stale
    only: dict[str, list[str]] = {name: [] for name in sorted(plan.stale_ledgers)}
    for item in stale:
        only.setdefault(item.brief, []).append(item.audience)
    paths = list(dict.fromkeys(w.path for w in plan.wanted if w.brief in only))
    with contextlib.ExitStack() as stack:
        count = min(jobs, len(stale))
        workers = stack.enter_context(Workers(count)) if count > 1 else None
        briefs, catalogue = read_briefs(workspace, paths, only, specs=plan.specs)
        specs = {b.name: b for b in briefs}
        tasks = [MemoTask(workspace, b.spec, b.sources, catalogue, a, tuple(formats)) for b in briefs for a in b.audiences]
        tasks.sort(key=lambda t: -_expected_seconds(manifest, t))
        results = run_memos(tasks, jobs, progress, workers)

    # A memo with an error is unfit to send: the build stops before anything is written.
    # Warnings (a section over its word budget, say) are reported and do not stop it.
    raise_all(unique(d for result in results for d in result.diagnostics if d.severity == "error"))

    # Write: only now, and atomically per file; the manifest last.
    by_name = {(w.brief, w.audience): w for w in plan.wanted}
    made: dict[tuple[str, str], list[Diagnostic]] = {}
    for result in results:
        item = by_name[(result.brief, result.audience)]
        out_dir = workspace.build / result.brief
        previous = manifest.memos.get(f"{result.brief}/{result.audience}")
        # Workspace templates are keyed as a set and built-in ones by the engine fingerprint;
        # anything else the memo loaded (another audience's file, a reference .docx) is extra.
        extra = [dep for dep in result.loaded if not any(_inside(Path(dep), root) for root in (workspace.templates, BUILTIN))]
        key = memo_key(inputs, item.spec_sha, [s.id for s in specs[result.brief].sources], result.audience, extra)
        files = dict(previous.files) if previous and previous.key == key else {}
        for fmt, data in result.files.items():
            path = out_dir / f"{result.audience}.{fmt}"
            write_atomic(path, data)
            report.written.append(path)
            files[fmt] = FileRecord.of(path)
        made[(result.brief, result.audience)] = result.diagnostics
        warnings = [d.to_record() for d in result.diagnostics]
        manifest.memos[f"{result.brief}/{result.audience}"] = MemoRecord(key, files, warnings, result.figures, extra, result.seconds)

    for name, brief in specs.items():
        spec = brief.spec
        manifest.specs[name] = {
            "sha": inputs.digest(spec.path),
            "sources": list(spec.front.sources),
            "audiences": list(spec.front.audiences),
        }
        for source in brief.sources:
            raw = source.raw_path()
            manifest.raw[source.id] = str(raw) if raw else None
        records = ledger_records(manifest, name, plan.ledger_audiences.get(name, []))
        path = workspace.build / name / "figures.json"
        write_atomic(path, make_ledger(spec, brief.sources, records))
        report.written.append(path)
        manifest.ledgers[name] = {
            "key": ledger_key(records, [s.id for s in brief.sources], manifest.raw),
            "file": vars(FileRecord.of(path)),
        }
    write_atomic(manifest.path, manifest.dumps())
    return made


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
