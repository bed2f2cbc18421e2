"""``brief templates show NAME``: an audience's profile in effect and the file that renders each
of its sections.

Stage: authoring. Every answer is asked of the build's own template loader
(:func:`brief.authoring.common.resolve`), so what it reports is what ``brief build`` will use.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import nodes
from pydantic import BaseModel

from brief.authoring.common import BUILT_IN, OVERRIDE, WORKSPACE, display, extends, folder_text, parse, prose_heading, resolve, table
from brief.inputs.audiences import Audience, load_audience
from brief.inputs.templating import BUILTIN, Templates, search_path
from brief.workspace import Workspace


def _default_title(ws: Workspace, templates: Templates, audience: str, path: Path, notes: list[str]) -> str:
    """The title a section template sets with ``{% set title = "..." %}`` at its top level, or
    the one its parent sets when it extends another template and sets none itself."""
    for _ in range(8):  # the chain of parents, cut short should a template extend itself
        tree = parse(templates, path, notes, ws)
        if tree is None:
            return "?"
        for node in tree.body:
            if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name) and node.target.name == "title":
                if isinstance(node.node, nodes.Const):
                    return "(none)" if node.node.value is None else str(node.node.value)
                return "(computed by the template)"
        parent = extends(tree)
        found = resolve(ws, audience, parent) if parent else None
        if found is None:
            return "(none)"
        path = found
    return "?"


def _origin(audience: Audience) -> str:
    if audience.path.is_relative_to(BUILTIN):
        return BUILT_IN
    return OVERRIDE if (BUILTIN / audience.name / "audience.yaml").is_file() else WORKSPACE


def _value(value: object) -> str:
    """A profile setting as the analyst would write it, briefly."""
    if value is None or value == {}:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if isinstance(value, BaseModel):
        # Every field is read from the model, so a key added to the profile later shows too.
        parts = [f"{key} {_value(getattr(value, key))}" for key in type(value).model_fields if getattr(value, key) not in (None, {})]
        return ", ".join(parts) or "none"
    return str(value)


def _layout_line(ws: Workspace, templates: Templates, audience: str, name: str, notes: list[str]) -> str:
    path = resolve(ws, audience, name)
    if path is None:
        return f"{name} -> not found (searched {', '.join(folder_text(p, ws) for p in search_path(ws.templates, audience))})"
    parent = extends(parse(templates, path, notes, ws)) if not path.is_relative_to(BUILTIN) else None
    return f"{name} -> {display(path, ws)}" + (f" (extends {parent})" if parent else "")


def _reference_line(audience: Audience, ws: Workspace) -> str:
    path = audience.reference_docx()
    if path is None:
        return "builtin:reference.docx (the default)"
    return display(path, ws) + ("" if path.is_file() else " (missing)")


def describe_audience(ws: Workspace, name: str) -> str:
    """The text of ``brief templates show NAME``: the profile in effect and, for each section,
    the file that renders it."""
    audience = load_audience(name, ws.templates)
    profile = audience.profile
    templates = Templates(ws.templates, name)
    notes: list[str] = []
    lines = [f"audience:       {name}", f"profile:        {display(audience.path, ws)} ({_origin(audience)})"]
    for key in type(profile).model_fields:
        if key in ("name", "sections", "tabs", "titles"):
            continue  # the sections table shows them
        if key in ("layout", "stylesheet"):
            value = _layout_line(ws, templates, name, getattr(profile, key), notes)
        elif key == "reference_docx":
            value = _reference_line(audience, ws)
        else:
            value = _value(getattr(profile, key))
        lines.append(f"{key + ':':<16}{value}")
    lines += ["", "sections, in order (tabs after the memo, lettered):"]
    rows = []
    listed = [(str(n), s) for n, s in enumerate(profile.sections, start=1)]
    listed += [(f"Tab {chr(ord('A') + i)}", s) for i, s in enumerate(profile.tabs)]
    for number, section_id in listed:
        path = resolve(ws, name, f"sections/{section_id}.md")
        if path is not None:
            title = _default_title(ws, templates, name, path, notes)
            parent = extends(parse(templates, path, notes, ws)) if not path.is_relative_to(BUILTIN) else None
            filled_by = display(path, ws) + (f" (extends {parent})" if parent else "")
        elif (heading := prose_heading(section_id)) is not None:
            title, filled_by = "(the brief's heading)", f"no template: the brief's own '## {heading}' prose"
        else:
            title, filled_by = "?", "nothing: no template, and no '## Heading' has this id"
            where = display(audience.path, ws)
            notes.append(f"{where}: warning: section '{section_id}' has no template and no prose can fill it; the build will stop")
        if section_id in profile.titles:
            title = profile.titles[section_id] or "(hidden)"
        words = profile.limits.words.get(section_id)
        rows.append((number, section_id, title, str(words) if words is not None else "-", filled_by))
    lines += table(("#", "SECTION", "TITLE", "WORDS", "RENDERED BY"), rows, indent="  ")
    path_text = ", ".join(folder_text(p, ws) for p in search_path(ws.templates, name))
    lines += ["", f"search path: {path_text}", *dict.fromkeys(notes)]
    return "\n".join(lines)
