"""Source summaries: reading ``seeds/*.yaml``.

Stage: input. Produces validated :class:`~brief.inputs.models.SourceSummary` objects, each with
the file and lines it came from, and checks what must hold across files (one file per id, unique
figure ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brief.errors import BriefError, Location, SummaryError, raise_all
from brief.inputs.models import SourceSummary
from brief.inputs.project import summary_files
from brief.inputs.yamlio import node_line, parse_yaml, read_text, validate
from brief.workspace import Workspace


@dataclass(frozen=True)
class LoadedSummary:
    """A summary with where it came from, so later stages can point at its lines."""

    summary: SourceSummary
    path: Path
    figure_lines: dict[str, int | None] = field(default_factory=dict)
    option_lines: tuple[int | None, ...] = ()  # the line of each entry of summary.options

    @property
    def id(self) -> str:
        return self.summary.id

    def raw_path(self) -> Path | None:
        """The raw source file, resolved against the YAML file that names it."""
        if not self.summary.source_file:
            return None
        return (self.path.parent / self.summary.source_file).resolve()


def read_summary(path: Path) -> LoadedSummary:
    return _read_summary(path)[0]


def _read_summary(path: Path) -> tuple[LoadedSummary, int | None]:
    """A summary and the line of its id."""
    text = read_text(path, SummaryError)
    data, node = parse_yaml(text, path, SummaryError)
    if not isinstance(data, dict):
        raise SummaryError("a source summary must be a YAML mapping", Location(path, 1))
    summary = validate(SourceSummary, data, path, node, SummaryError)
    id_line = node_line(node, ("id",))
    if summary.id != path.stem:
        raise SummaryError(f"id '{summary.id}' does not match the file name '{path.name}'", Location(path, id_line), "summary/schema")
    lines = {f.id: node_line(node, ("figures", i)) for i, f in enumerate(summary.figures)}
    options = tuple(node_line(node, ("options", i, "id")) for i in range(len(summary.options)))
    return LoadedSummary(summary, path, lines, options), id_line


def load_summaries(workspace: Workspace) -> dict[str, LoadedSummary]:
    """Every summary in the workspace, keyed by id; all problems are reported together."""
    errors: list[BriefError] = []
    loaded: dict[str, LoadedSummary] = {}
    files, duplicates = summary_files(workspace.seeds)
    for path in files.values():
        try:
            item = read_summary(path)
        except BriefError as exc:
            errors.append(exc)
            continue
        loaded[item.id] = item
    # x.yaml and x.yml both claim id x: neither may win silently. The second is the one to fix.
    for first, second in duplicates:
        try:
            _, line = _read_summary(second)
        except BriefError as exc:
            errors.append(exc)
            line = None
        message = f"summary id '{second.stem}' is also the id of {first.name}; keep one of the two files"
        errors.append(SummaryError(message, Location(second, line), "summary/duplicate-id"))
    figure_owner: dict[str, LoadedSummary] = {}
    for item in loaded.values():
        for fig in item.summary.figures:
            other = figure_owner.get(fig.id)
            if other is not None:
                where = Location(item.path, item.figure_lines.get(fig.id))
                message = f"figure id '{fig.id}' is also used in {other.path.name}; figure ids must be unique"
                errors.append(SummaryError(message, where, "summary/duplicate-figure"))
            figure_owner[fig.id] = item
    raise_all(errors)
    return loaded
