"""Source summaries and the option catalogue: reading ``seeds/*.yaml`` and ``options.yaml``.

Stage: input. Produces validated :class:`~brief.models.SourceSummary` objects, each with the file
and lines it came from, and checks what must hold across files (unique source and figure ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel

from brief.errors import BriefError, BriefErrors, Location, SummaryError
from brief.models import CatalogueOption, Figure, SourceSummary
from brief.workspace import Workspace
from brief.yamlio import node_line, parse_yaml, validate


@dataclass(frozen=True)
class LoadedSummary:
    """A summary with where it came from, so later stages can point at its lines."""

    summary: SourceSummary
    path: Path
    figure_lines: dict[str, int | None] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.summary.id

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.summary.figures if f.id == figure_id), None)

    def raw_path(self) -> Path | None:
        """The raw source file, resolved against the YAML file that names it."""
        if not self.summary.source_file:
            return None
        return (self.path.parent / self.summary.source_file).resolve()


def read_summary(path: Path) -> LoadedSummary:
    text = _read_text(path, SummaryError)
    data, node = parse_yaml(text, path, SummaryError)
    if not isinstance(data, dict):
        raise SummaryError("a source summary must be a YAML mapping", Location(path, 1))
    summary = validate(SourceSummary, data, path, node, SummaryError)
    if summary.id != path.stem:
        raise SummaryError(f"id '{summary.id}' does not match the file name '{path.name}'", Location(path, node_line(node, ("id",))))
    lines = {f.id: node_line(node, ("figures", i)) for i, f in enumerate(summary.figures)}
    return LoadedSummary(summary, path, lines)


def load_summaries(workspace: Workspace) -> dict[str, LoadedSummary]:
    """Every summary in the workspace, keyed by id; all problems are reported together."""
    errors: list[BriefError] = []
    loaded: dict[str, LoadedSummary] = {}
    paths = sorted(workspace.seeds.glob("*.yaml")) + sorted(workspace.seeds.glob("*.yml")) if workspace.seeds.is_dir() else []
    for path in paths:
        try:
            item = read_summary(path)
        except BriefErrors as exc:
            errors.extend(exc.errors)
            continue
        except BriefError as exc:
            errors.append(exc)
            continue
        loaded[item.id] = item
    figure_owner: dict[str, LoadedSummary] = {}
    for item in loaded.values():
        for fig in item.summary.figures:
            other = figure_owner.get(fig.id)
            if other is not None:
                where = Location(item.path, item.figure_lines.get(fig.id))
                errors.append(SummaryError(f"figure id '{fig.id}' is also used in {other.path.name}; figure ids must be unique", where))
            figure_owner[fig.id] = item
    if errors:
        raise errors[0] if len(errors) == 1 else BriefErrors(errors)
    return loaded


def load_catalogue(workspace: Workspace) -> dict[str, CatalogueOption]:
    """The workspace's policy option catalogue; empty when the workspace has none."""
    path = workspace.catalogue
    if not path.is_file():
        return {}
    data, node = parse_yaml(_read_text(path, SummaryError), path, SummaryError)
    if data is None:
        return {}
    if not isinstance(data, list):
        raise SummaryError("the option catalogue must be a YAML list of options", Location(path, 1))
    options = validate(_Catalogue, {"options": data}, path, _wrap(node), SummaryError).options
    seen: dict[str, CatalogueOption] = {}
    for i, option in enumerate(options):
        if option.id in seen:
            raise SummaryError(f"option id '{option.id}' appears twice", Location(path, node_line(node, (i,))))
        seen[option.id] = option
    return seen


class _Catalogue(BaseModel):
    model_config = {"extra": "forbid"}
    options: list[CatalogueOption]


def _wrap(node: yaml.Node) -> yaml.Node:
    # The catalogue is a bare list; validation wraps it in {"options": [...]}, so wrap the node
    # tree the same way to keep line numbers right.
    key = yaml.ScalarNode("tag:yaml.org,2002:str", "options", node.start_mark, node.start_mark)
    return yaml.MappingNode("tag:yaml.org,2002:map", [(key, node)], node.start_mark, node.end_mark)


def _read_text(path: Path, error: type[BriefError]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte {exc.start})", Location(path)) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", Location(path)) from None
