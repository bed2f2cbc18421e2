"""The option catalogue: reading ``options.yaml``.

Stage: input. The catalogue gives each policy option a stable id, a title, a description and the
phrases ingest matches in sources; briefs and summaries name options by id.
"""

from __future__ import annotations

import yaml
from pydantic import BaseModel

from brief.errors import CatalogueError, Location
from brief.inputs.models import CatalogueOption
from brief.inputs.yamlio import node_line, parse_yaml, read_text, validate
from brief.workspace import Workspace


def load_catalogue(workspace: Workspace) -> dict[str, CatalogueOption]:
    """The workspace's policy option catalogue; empty when the workspace has none."""
    path = workspace.catalogue
    if not path.is_file():
        return {}
    data, node = parse_yaml(read_text(path, CatalogueError), path, CatalogueError)
    if data is None:
        return {}
    if not isinstance(data, list):
        raise CatalogueError("the option catalogue must be a YAML list of options", Location(path, 1), "catalogue/schema")
    assert node is not None  # a list was parsed, so there is a node for it
    options = validate(_Catalogue, {"options": data}, path, _wrap(node), CatalogueError).options
    seen: dict[str, CatalogueOption] = {}
    for i, option in enumerate(options):
        if option.id in seen:
            raise CatalogueError(
                f"option id '{option.id}' appears twice", Location(path, node_line(node, (i,))), "catalogue/duplicate-option"
            )
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
