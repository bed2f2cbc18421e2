"""One memo, start to finish: assemble, render, verify. What a build worker does.

Stage: build. A :class:`MemoTask` holds everything one memo needs, already read and checked (it
crosses to a worker process); :func:`make_memo` assembles the Memo, renders each format in memory,
verifies the results and returns a :class:`MemoResult`: the bytes of each file, the diagnostics
(with the workspace's severities), the figures the memo shows and the template files it loaded.
Nothing is written here.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from brief.diagnostics import Diagnostic, Location
from brief.errors import BriefError

if TYPE_CHECKING:
    # Only for annotations: the parent process imports this module before it needs any reader.
    from brief.inputs.audiences import Audience
    from brief.inputs.models import CatalogueOption
    from brief.inputs.spec import BriefSpec
    from brief.inputs.summaries import LoadedSummary
    from brief.workspace import Workspace


@dataclass(frozen=True)
class MemoTask:
    """Everything needed to make one memo, already read and checked (it crosses to a worker)."""

    workspace: Workspace
    spec: BriefSpec
    sources: list[LoadedSummary]
    catalogue: dict[str, CatalogueOption]
    audience: Audience
    formats: tuple[str, ...]
    dpi: int = 60  # page images' resolution, when formats include png
    draft: bool = False  # a draft build: summaries awaiting review are allowed, every page says DRAFT


@dataclass
class MemoResult:
    brief: str
    audience: str
    files: dict[str, bytes] = field(default_factory=dict)  # format -> bytes; empty when the memo has errors
    diagnostics: list[Diagnostic] = field(default_factory=list)  # errors stop the build; warnings are reported
    figures: list[dict[str, Any]] = field(default_factory=list)  # the ledger's view of memo.figures
    loaded: list[str] = field(default_factory=list)  # template files and reference .docx it used
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


def source_date(memo_date: date) -> tuple[date, int]:
    """The date stamped into outputs: SOURCE_DATE_EPOCH when set, else the memo's own date,
    so outputs never depend on when the build ran."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = datetime.fromtimestamp(int(epoch), UTC)
        return moment.date(), int(epoch)
    moment = datetime(memo_date.year, memo_date.month, memo_date.day, tzinfo=UTC)
    return memo_date, int(moment.timestamp())


def make_memo(task: MemoTask) -> MemoResult:
    """Assemble one memo, render each format in memory and verify what was rendered. Problems
    come back in the result, never as an exception, so one bad memo does not hide the others'."""
    from brief.assemble.assembler import assemble_memo
    from brief.inputs.sandbox import budget
    from brief.inputs.templating import Templates
    from brief.render import RenderJob, get_renderer
    from brief.render.html import render_html
    from brief.verify import verify_memo

    started = time.perf_counter()
    spec, audience = task.spec, task.audience
    result = MemoResult(spec.name, audience.name)
    templates = Templates(task.workspace.templates, audience.name)
    try:
        with budget():  # the memo's prose and templates share one budget of time and work
            assembly = assemble_memo(spec, task.sources, task.catalogue, audience, templates)
            if task.draft:
                assembly = replace(assembly, memo=replace(assembly.memo, draft=True))
            memo = assembly.memo
            stamp, epoch = source_date(memo.date)
            html = render_html(memo, audience, templates, stamp)
        reference = audience.reference_docx()
        job = RenderJob(workspace=task.workspace.root, html=html, reference_docx=reference, source_date_epoch=epoch, dpi=task.dpi)
        # Page images are drawn from the PDF, which is made (and verified) even when not written.
        order = [fmt for fmt in task.formats if fmt != "png"]
        if "png" in task.formats and "pdf" not in order:
            order.append("pdf")
        rendered = {fmt: get_renderer(fmt).render(memo, job) for fmt in order}
        if "png" in task.formats:
            rendered["png"] = get_renderer("png").render(memo, replace(job, pdf=rendered["pdf"].data))
    except BriefError as exc:
        # An error raised without a place (a renderer's, say) is the brief's to fix.
        result.diagnostics = [d if d.location else d.at(Location(spec.path)) for d in exc.diagnostics()]
    else:
        found = verify_memo(spec, assembly, audience.profile, rendered, task.sources)
        if task.draft:  # a draft may still hold the brief's [insert: ...] places, and says so
            found = [d.demoted() if d.code == "memo/placeholder" else d for d in found]
        result.diagnostics = task.workspace.severities().apply(found)
        if not result.failed:
            result.files = {fmt: rendered[fmt].data for fmt in task.formats}
        result.figures = [asdict(use) for use in memo.figures]
        result.loaded = sorted(templates.loaded | ({str(reference)} if reference else set()))
    result.seconds = time.perf_counter() - started
    return result
