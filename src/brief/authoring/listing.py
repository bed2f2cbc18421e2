"""``brief templates list``: every audience profile and template file, and where each comes from.

Stage: authoring. Lists the built-in templates and the workspace's, one per folder and name,
marking a workspace file that hides a built-in one as an override.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from brief.authoring.common import BUILT_IN, EVERY, KINDS, OVERRIDE, WORKSPACE, display, table
from brief.inputs.models import SLUG
from brief.inputs.templating import BUILTIN
from brief.workspace import Workspace


@dataclass(frozen=True)
class TemplateItem:
    kind: str  # one of KINDS
    audience: str  # the audience folder the file sits in, or EVERY
    name: str  # as the build looks it up: "layout.html", "sections/bluf.md", "audience.yaml"
    origin: str  # BUILT_IN, WORKSPACE or OVERRIDE
    path: Path


def _kind(name: str, in_audience_folder: bool) -> str | None:
    if name.startswith("sections/"):
        return "section" if name.endswith(".md") else None
    if name == "audience.yaml":
        return "audience" if in_audience_folder else None
    return {".html": "layout", ".css": "stylesheet", ".docx": "reference"}.get(Path(name).suffix)


def _template_names(folder: Path, in_audience_folder: bool) -> list[str]:
    """Template files directly in `folder` and in its sections/ subfolder (a README is not one)."""
    if not folder.is_dir():
        return []
    names = [p.name for p in folder.iterdir() if p.is_file()]
    if (folder / "sections").is_dir():
        names += [f"sections/{p.name}" for p in (folder / "sections").iterdir() if p.is_file()]
    return sorted(n for n in names if _kind(n, in_audience_folder))


def _audience_folders(root: Path, builtin: bool) -> list[str]:
    if not root.is_dir():
        return []
    folders = []
    for path in sorted(root.iterdir()):
        if not path.is_dir() or path.name == "sections" or not re.fullmatch(SLUG, path.name):
            continue
        # brief's own folder also holds the page of `brief serve`, which is no audience. A workspace
        # folder counts without a profile: it may only override templates of a built-in audience.
        if builtin and not (path / "audience.yaml").is_file():
            continue
        folders.append(path.name)
    return folders


def _shadows(audience: str, name: str, builtin_audiences: list[str]) -> bool:
    """Whether a workspace file hides a built-in one on some audience's search path."""
    if audience == EVERY:
        candidates = [BUILTIN / name, *(BUILTIN / a / name for a in builtin_audiences)]
    else:
        candidates = [BUILTIN / audience / name, BUILTIN / name]
    return any(p.is_file() for p in candidates)


def list_templates(ws: Workspace) -> list[TemplateItem]:
    """Every audience profile and template file, one per folder and name: where the workspace has
    a file that the built-in templates have too, only the workspace's is listed, as an override."""
    builtin_audiences = _audience_folders(BUILTIN, builtin=True)
    found: dict[tuple[str, str], TemplateItem] = {}

    def add(audience: str, folder: Path, in_audience_folder: bool, origin: str | None) -> None:
        for name in _template_names(folder, in_audience_folder):
            kind = _kind(name, in_audience_folder) or ""
            if origin is not None:
                where = origin
            elif kind == "reference":
                # A reference .docx is used only where a profile names it; it never shadows the default.
                where = WORKSPACE
            else:
                where = OVERRIDE if _shadows(audience, name, builtin_audiences) else WORKSPACE
            found[(audience, name)] = TemplateItem(kind, audience, name, where, folder / name)

    add(EVERY, BUILTIN, False, BUILT_IN)
    for audience in builtin_audiences:
        add(audience, BUILTIN / audience, True, BUILT_IN)
    add(EVERY, ws.templates, False, None)
    for audience in _audience_folders(ws.templates, builtin=False):
        add(audience, ws.templates / audience, True, None)
    return sorted(found.values(), key=lambda i: (KINDS.index(i.kind), i.audience != EVERY, i.audience, i.name))


def templates_table(ws: Workspace) -> str:
    """The text of ``brief templates list``."""
    rows = [(i.kind, i.audience, i.name, i.origin, display(i.path, ws)) for i in list_templates(ws)]
    lines = table(("KIND", "AUDIENCE", "NAME", "ORIGIN", "FILE"), rows)
    lines += [
        "",
        f"AUDIENCE {EVERY}: used by every audience unless the audience's own folder has a file of that name.",
        f"builtin: is {BUILTIN}",
    ]
    return "\n".join(lines)
