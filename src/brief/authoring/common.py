"""What the authoring commands share: how they name where a template comes from, and how they
find and read templates, asked of the build's own loader.

Stage: authoring, beside the build. Consumes the template folders and Jinja's parser; produces
text for the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2
from jinja2 import nodes

from brief.inputs.spec import slugify
from brief.inputs.templating import BUILTIN, Templates
from brief.workspace import Workspace

BUILT_IN = "built-in"
WORKSPACE = "workspace"
OVERRIDE = "workspace, overrides built-in"
EVERY = "*"  # the AUDIENCE column of a file every audience may use

KINDS = ("audience", "layout", "stylesheet", "section", "reference")

# The first words of every scaffolded file's header; re-scaffolding from a scaffolded audience
# recognises them and replaces the old header instead of stacking a second one on top.
MARK = "Scaffolded by `brief templates new`"


def display(path: Path, ws: Workspace) -> str:
    """A path as the guide writes it: ``builtin:sections/bluf.md`` for brief's own templates,
    relative to the workspace for the analyst's."""
    if path.is_relative_to(BUILTIN):
        return "builtin:" + path.relative_to(BUILTIN).as_posix()
    if path.is_relative_to(ws.root):
        return path.relative_to(ws.root).as_posix()
    return str(path)


def folder_text(path: Path, ws: Workspace) -> str:
    shown = display(path, ws)
    return "builtin:" if shown == "builtin:." else shown + "/"


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], indent: str = "") -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return [indent + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]


def resolve(ws: Workspace, audience: str, name: str) -> Path | None:
    """The file the build renders for template `name` of `audience`: asked of the build's own
    template loader, so the answer cannot drift from what ``brief build`` does."""
    return Templates(ws.templates, audience).find(name)


def parse(templates: Templates, path: Path, notes: list[str], ws: Workspace) -> nodes.Template | None:
    try:
        return templates.markdown.parse(path.read_text(encoding="utf-8"))
    except jinja2.TemplateSyntaxError as exc:
        notes.append(f"{display(path, ws)}:{exc.lineno}: warning: template syntax error: {exc.message}")
        return None


def prose_heading(section_id: str) -> str | None:
    """A '## Heading' whose prose fills a section that has no template, or None when none can:
    headings become ids through slugify, which never yields '_' or '.'."""
    if slugify(section_id) != section_id:
        return None
    return " ".join(word.capitalize() for word in section_id.split("-"))


def extends(tree: nodes.Template | None) -> str | None:
    for node in tree.find_all(nodes.Extends) if tree is not None else ():
        if isinstance(node.template, nodes.Const):
            return str(node.template.value)
    return None
