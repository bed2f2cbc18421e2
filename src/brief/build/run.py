"""The build: decide what is out of date, make it across cores, verify it, then write.

Stage: build (``brief build``), the last stage; it drives the others.

1. **Plan, cheaply** (:mod:`.plan`). A memo whose key and files match the manifest is skipped;
   when nothing is stale the build ends there, having parsed no summary and imported no renderer.
2. **Read** what is stale (:func:`brief.inputs.project.read_briefs`): every summary, the specs and
   audiences concerned, all errors at once.
3. **Make** each stale memo (:mod:`.pipeline`: assemble, render, verify) in worker processes
   (:mod:`.workers`), ``jobs`` at a time, longest first.
4. **Write**, only when no memo has an error, and only inside the build folder, holding its
   lock (``build/.brief-lock``; a second build waits): every new file (the memos, each brief's
   ``figures.json`` from :mod:`.ledger`, the manifest) to a temporary first, then all renamed
   into place as a set through a journal (``build/.brief-journal.json``,
   :func:`brief.fsio.replace_all`), the manifest last. A failed build leaves earlier outputs as
   they were; a killed one leaves a journal, whose renames the next build finishes, or
   temporaries, which it removes (both under the lock), so no memo is left with some files new
   and others old.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brief.build.ledger import ledger_key, ledger_records, make_ledger
from brief.build.manifest import FileRecord, Inputs, Manifest, MemoRecord, memo_key
from brief.build.plan import Plan, plan_build
from brief.diagnostics import Diagnostic, unique
from brief.errors import Location, OutputError, raise_all
from brief.fsio import exclusive_lock, remove_temporaries, replace_all, roll_forward, temporaries, write_temporary
from brief.inputs.project import find_briefs
from brief.render import ALL_FORMATS, FORMATS  # format names are also the file suffixes
from brief.workspace import Workspace

if TYPE_CHECKING:
    from brief.build.pipeline import MemoResult, MemoTask
    from brief.inputs.project import Brief
    from brief.progress import Progress

LOCK_NAME = ".brief-lock"  # held by the build that writes, for its whole write phase
JOURNAL_NAME = ".brief-journal.json"  # the renames of a write phase, while it renames


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
    dpi: int = 60,
    draft: bool = False,
) -> BuildReport:
    started = time.perf_counter()
    formats = list(dict.fromkeys(formats or FORMATS))
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(ALL_FORMATS)}")
    if _needs_recovery(workspace.build):
        # A build was killed while it wrote: finish its renames (or clear its debris) first,
        # so the manifest read next describes whole sets of files.
        with exclusive_lock(workspace.build / LOCK_NAME):
            _recover(workspace.build)
    manifest = Manifest.load(workspace.build)
    inputs = Inputs(workspace.seeds, workspace.templates, workspace.catalogue, workspace.root / "brief.toml")
    paths = find_briefs(workspace, briefs or [])
    plan = plan_build(workspace, manifest, inputs, paths, list(audiences or []), formats, force, draft)

    report = BuildReport()
    made: dict[tuple[str, str], list[Diagnostic]] = {}
    if plan.stale or plan.stale_ledgers:
        from brief.build.workers import default_jobs

        made = _rebuild(workspace, manifest, inputs, plan, formats, jobs or default_jobs(), progress, report, dpi, draft)
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
    dpi: int = 60,
    draft: bool = False,
) -> dict[tuple[str, str], list[Diagnostic]]:
    """Read, make and write the stale memos (and the ledgers of their briefs); the warnings of
    each memo made."""
    from brief.build.pipeline import MemoTask
    from brief.build.workers import Workers, run_memos
    from brief.inputs.project import read_briefs

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
        tasks = [MemoTask(workspace, b.spec, b.sources, catalogue, a, tuple(formats), dpi, draft) for b in briefs for a in b.audiences]
        tasks.sort(key=lambda t: -_expected_seconds(manifest, t))
        results = run_memos(tasks, jobs, progress, workers)

    # A memo with an error is unfit to send: the build stops before anything is written.
    # Warnings (a section over its word budget, say) are reported and do not stop it.
    raise_all(unique(d for result in results for d in result.diagnostics if d.severity == "error"))

    targets = [workspace.build / r.brief / f"{r.audience}.{fmt}" for r in results for fmt in r.files]
    targets += [workspace.build / name / "figures.json" for name in specs]
    _check_inside(workspace.build, targets)
    with exclusive_lock(workspace.build / LOCK_NAME):  # one writer at a time per build folder
        _recover(workspace.build)
        # Another build may have written since this one planned: record this build's memos on
        # top of what is there now, not of what was there then.
        current = Manifest.load(workspace.build)
        return _write(workspace, inputs, plan, specs, results, current, report, draft)


def _write(
    workspace: Workspace,
    inputs: Inputs,
    plan: Plan,
    specs: dict[str, Brief],
    results: list[MemoResult],
    manifest: Manifest,
    report: BuildReport,
    draft: bool = False,
) -> dict[tuple[str, str], list[Diagnostic]]:
    """Under the lock: every new file to a temporary, then all renamed as a set through the
    journal, the manifest last; the warnings of each memo."""
    from brief.inputs.templating import BUILTIN

    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    by_name = {(w.brief, w.audience): w for w in plan.wanted}
    made: dict[tuple[str, str], list[Diagnostic]] = {}
    try:
        for result in results:
            item = by_name[(result.brief, result.audience)]
            out_dir = workspace.build / result.brief
            previous = manifest.memos.get(f"{result.brief}/{result.audience}")
            # Workspace templates are keyed as a set and built-in ones by the engine fingerprint;
            # anything else the memo loaded (another audience's file, a reference .docx) is extra.
            extra = [dep for dep in result.loaded if not any(_inside(Path(dep), root) for root in (workspace.templates, BUILTIN))]
            key = memo_key(inputs, item.spec_sha, [s.id for s in specs[result.brief].sources], result.audience, extra, draft)
            files = dict(previous.files) if previous and previous.key == key else {}
            for fmt, data in result.files.items():
                path = out_dir / f"{result.audience}.{fmt}"
                staged.append((write_temporary(path, data), path))
                files[fmt] = FileRecord.of(staged[-1][0], path.name)  # a rename keeps size and time
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
            staged.append((write_temporary(path, make_ledger(spec, brief.sources, records)), path))
            manifest.ledgers[name] = {
                "key": ledger_key(records, [s.id for s in brief.sources], manifest.raw),
                "file": vars(FileRecord.of(staged[-1][0], path.name)),
            }
        # The manifest is renamed last: until then it describes the files that were there.
        staged.append((write_temporary(manifest.path, manifest.dumps()), manifest.path))
    except BaseException:
        for tmp, _ in staged:  # nothing renamed yet: the previous outputs stand as they were
            tmp.unlink(missing_ok=True)
        raise
    replace_all(staged, workspace.build / JOURNAL_NAME)
    report.written += [target for _, target in staged[:-1]]
    return made


def _build_folders(build: Path) -> list[Path]:
    """The folders a build writes to: the build folder (manifest, journal) and each brief's."""
    try:
        with os.scandir(build) as entries:
            return [build, *sorted(Path(e.path) for e in entries if e.is_dir(follow_symlinks=False))]
    except (FileNotFoundError, NotADirectoryError):
        return []


def _needs_recovery(build: Path) -> bool:
    """Whether a killed build left a journal or temporaries (cheap: a few directory reads)."""
    return (build / JOURNAL_NAME).exists() or any(temporaries(folder) for folder in _build_folders(build))


def _recover(build: Path) -> None:
    """Under the lock (no live writer): finish the renames of a build killed while it renamed its
    files, then remove the temporaries of any build killed before it got that far."""
    roll_forward(build / JOURNAL_NAME)
    remove_temporaries(_build_folders(build))


def _check_inside(build: Path, targets: list[Path]) -> None:
    """Every output lies inside the build folder, symbolic links resolved, before anything is
    written."""
    root = build.resolve()
    outside = [path for path in targets if not path.resolve().is_relative_to(root)]
    if outside:
        raise_all([OutputError(f"output would be written outside {build}", Location(path), "output/write") for path in outside])


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
