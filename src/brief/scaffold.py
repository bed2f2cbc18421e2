"""Audience authoring: list the templates there are, show how an audience resolves, scaffold a new one.

Stage: authoring tools beside the build (``brief templates list | show | new``). Consumes audience
profiles (:mod:`brief.audiences`) and the template folders, searched in the build's own order
(:func:`brief.templating.search_path`), so what these commands report is what ``brief build``
will use. Produces text for the terminal; ``new`` also writes one folder, ``templates/<name>/``,
and checks that the audience it wrote loads before reporting success.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes
from pydantic import BaseModel

from brief.audiences import Audience, load_audience
from brief.errors import AudienceError, Location, TemplateError
from brief.models import SLUG
from brief.spec import slugify
from brief.templating import BUILTIN, Templates, search_path
from brief.workspace import Workspace

BUILT_IN = "built-in"
WORKSPACE = "workspace"
OVERRIDE = "workspace, overrides built-in"
EVERY = "*"  # the AUDIENCE column of a file every audience may use

KINDS = ("audience", "layout", "stylesheet", "section", "reference")

# The first words of every scaffolded file's header; re-scaffolding from a scaffolded audience
# recognises them and replaces the old header instead of stacking a second one on top.
MARK = "Scaffolded by `brief templates new`"

# What each block of the built-in layout holds, for the list in a scaffolded layout.html. The
# block names themselves are read from the built-in layout, so a new block still gets listed.
BLOCK_HELP = {
    "banner_top": "the classification banner at the top of every page",
    "banner_bottom": "the classification banner at the bottom of every page",
    "heading": "the memo heading (MEMORANDUM FOR / FROM / SUBJECT / DATE) or the public brief's title",
    "sections": "every section, in the profile's order",
    "endnotes": "the numbered notes shown on screen (print puts them at the foot of each page)",
}


def display(path: Path, ws: Workspace) -> str:
    """A path as the guide writes it: ``builtin:sections/bluf.md`` for brief's own templates,
    relative to the workspace for the analyst's."""
    if path.is_relative_to(BUILTIN):
        return "builtin:" + path.relative_to(BUILTIN).as_posix()
    if path.is_relative_to(ws.root):
        return path.relative_to(ws.root).as_posix()
    return str(path)


def _folder(path: Path, ws: Workspace) -> str:
    shown = display(path, ws)
    return "builtin:" if shown == "builtin:." else shown + "/"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], indent: str = "") -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return [indent + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]


# --- brief templates list -----------------------------------------------------------------------


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
    lines = _table(("KIND", "AUDIENCE", "NAME", "ORIGIN", "FILE"), rows)
    lines += [
        "",
        f"AUDIENCE {EVERY}: used by every audience unless the audience's own folder has a file of that name.",
        f"builtin: is {BUILTIN}",
    ]
    return "\n".join(lines)


# --- brief templates show -----------------------------------------------------------------------


def resolve(ws: Workspace, audience: str, name: str) -> Path | None:
    """The file the build renders for template `name` of `audience`: asked of the build's own
    template loader, so the answer cannot drift from what ``brief build`` does."""
    return Templates(ws.templates, audience).find(name)


def _parse(templates: Templates, path: Path, notes: list[str], ws: Workspace) -> nodes.Template | None:
    try:
        return templates.markdown.parse(path.read_text(encoding="utf-8"))
    except jinja2.TemplateSyntaxError as exc:
        notes.append(f"{display(path, ws)}:{exc.lineno}: warning: template syntax error: {exc.message}")
        return None


def _prose_heading(section_id: str) -> str | None:
    """A '## Heading' whose prose fills a section that has no template, or None when none can:
    headings become ids through slugify, which never yields '_' or '.'."""
    if slugify(section_id) != section_id:
        return None
    return " ".join(word.capitalize() for word in section_id.split("-"))


def _default_title(ws: Workspace, templates: Templates, audience: str, path: Path, notes: list[str]) -> str:
    """The title a section template sets with ``{% set title = "..." %}`` at its top level, or
    the one its parent sets when it extends another template and sets none itself."""
    for _ in range(8):  # the chain of parents, cut short should a template extend itself
        tree = _parse(templates, path, notes, ws)
        if tree is None:
            return "?"
        for node in tree.body:
            if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name) and node.target.name == "title":
                if isinstance(node.node, nodes.Const):
                    return "(none)" if node.node.value is None else str(node.node.value)
                return "(computed by the template)"
        parent = _extends(tree)
        found = resolve(ws, audience, parent) if parent else None
        if found is None:
            return "(none)"
        path = found
    return "?"


def _extends(tree: nodes.Template | None) -> str | None:
    for node in tree.find_all(nodes.Extends) if tree is not None else ():
        if isinstance(node.template, nodes.Const):
            return str(node.template.value)
    return None


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
        return f"{name} -> not found (searched {', '.join(_folder(p, ws) for p in search_path(ws.templates, audience))})"
    parent = _extends(_parse(templates, path, notes, ws)) if not path.is_relative_to(BUILTIN) else None
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
        if key in ("name", "sections", "titles"):
            continue  # the sections table shows them
        if key in ("layout", "stylesheet"):
            value = _layout_line(ws, templates, name, getattr(profile, key), notes)
        elif key == "reference_docx":
            value = _reference_line(audience, ws)
        else:
            value = _value(getattr(profile, key))
        lines.append(f"{key + ':':<16}{value}")
    lines += ["", "sections, in order:"]
    rows = []
    for number, section_id in enumerate(profile.sections, start=1):
        path = resolve(ws, name, f"sections/{section_id}.md")
        if path is not None:
            title = _default_title(ws, templates, name, path, notes)
            parent = _extends(_parse(templates, path, notes, ws)) if not path.is_relative_to(BUILTIN) else None
            filled_by = display(path, ws) + (f" (extends {parent})" if parent else "")
        elif (heading := _prose_heading(section_id)) is not None:
            title, filled_by = "(the brief's heading)", f"no template: the brief's own '## {heading}' prose"
        else:
            title, filled_by = "?", "nothing: no template, and no '## Heading' has this id"
            where = display(audience.path, ws)
            notes.append(f"{where}: warning: section '{section_id}' has no template and no prose can fill it; the build will stop")
        if section_id in profile.titles:
            title = profile.titles[section_id] or "(hidden)"
        words = profile.limits.words.get(section_id)
        rows.append((str(number), section_id, title, str(words) if words is not None else "-", filled_by))
    lines += _table(("#", "SECTION", "TITLE", "WORDS", "RENDERED BY"), rows, indent="  ")
    path_text = ", ".join(_folder(p, ws) for p in search_path(ws.templates, name))
    lines += ["", f"search path: {path_text}", *dict.fromkeys(notes)]
    return "\n".join(lines)


# --- brief templates new ------------------------------------------------------------------------


@dataclass
class ScaffoldReport:
    audience: str
    source: str
    folder: Path
    created: list[tuple[str, str]] = field(default_factory=list)  # (name in the folder, what it is)
    notes: list[str] = field(default_factory=list)

    def lines(self, ws: Workspace) -> list[str]:
        width = max(len(name) for name, _ in self.created)
        lines = [f"created {display(self.folder, ws)}/ from '{self.source}':"]
        lines += [f"  {name.ljust(width)}  {what}" for name, what in self.created]
        lines += self.notes
        lines.append(
            f"audience '{self.audience}' loads; build it with `brief build --audience {self.audience}`"
            f" or add it to a brief's audiences: list (see TEMPLATES.md)"
        )
        return lines


def _strip_header(text: str) -> str:
    """`text` without the header of an earlier scaffold, if it has one."""
    for start, end in (("{#- " + MARK, "-#}"), ("/* " + MARK, "*/")):
        if text.startswith(start) and end in text:
            return text[text.index(end) + len(end) :].lstrip("\n")
    if text.startswith("# " + MARK) and "\n\n" in text:
        return text.split("\n\n", 1)[1]
    return text


def _profile_text(audience: Audience, name: str, origin: str, reference: str | None) -> str:
    header = f"""# {MARK} from {origin}.
# This profile controls the '{name}' memo: which sections it shows and in what order
# (sections), their titles (titles: {{id: "Title"}}, or null to hide a title), limits (pages,
# bluf_lines, bluf_words, key_figures, and words: {{section id: word budget}}), markings (banner,
# internal lines, ...), the memo form (action, information or public), layout and stylesheet,
# reference_docx (Word styles of the DOCX) and tagged_pdf. Edit the values below; run
# `brief templates show {name}` to see the result. TEMPLATES.md explains every key.

"""
    text = _strip_header(audience.path.read_text(encoding="utf-8"))
    # Edit the copy's text rather than re-serialising the model, so the source's comments and
    # layout survive; load_audience below proves the edited text is still a valid profile.
    text, count = re.subn(r"^name:.*$", f"name: {name}", text, count=1, flags=re.MULTILINE)
    if not count:
        raise AudienceError("cannot find the profile's top-level 'name:' line to rename it", Location(audience.path))
    if reference is not None:
        text = re.sub(r"^reference_docx:.*$", f'reference_docx: "{reference}"', text, count=1, flags=re.MULTILINE)
    return header + text


def _section_text(name: str, section_id: str, origin: str, source: str) -> str:
    return (
        f"{{#- {MARK} from {origin}.\n"
        f"    This file controls the wording of the '{section_id}' section of the '{name}' memo, the same in\n"
        f"    PDF, DOCX and HTML. It is Markdown with Jinja: edit the text and tags below. `set title` gives\n"
        f"    the section's default title (a title in audience.yaml wins). The names you can use are listed\n"
        f'    under "Template context" in TEMPLATES.md. Delete this file to use the shared or built-in\n'
        f"    template again. -#}}\n"
        f"{_strip_header(source)}"
    )


def _layout_text(name: str, layout: str) -> str:
    tree = jinja2.Environment().parse((BUILTIN / layout).read_text(encoding="utf-8"))
    blocks = list(dict.fromkeys(block.name for block in tree.find_all(nodes.Block)))
    listing = "\n".join(
        f"    {block}: {BLOCK_HELP.get(block, 'see builtin:' + layout)}\n    {{% block {block} %}}{{{{ super() }}}}{{% endblock %}}\n"
        for block in blocks
    )
    return (
        f"{{#- {MARK} for the '{name}' audience.\n"
        f"    This file controls the page layout of the '{name}' memo in HTML and PDF (the DOCX takes its\n"
        f"    look from a reference .docx). It extends brief's built-in {layout}, so it follows brief's\n"
        f"    upgrades. To change one part, copy a block from the list below out of this comment, paste it\n"
        f"    after the extends line and edit it; super() prints the built-in content of the block. The\n"
        f'    names a layout can use are listed under "Template context" in TEMPLATES.md. -#}}\n'
        f'{{% extends "builtin:{layout}" %}}\n'
        f"{{#- The blocks of builtin:{layout} you can override:\n\n{listing}-#}}\n"
    )


def _stylesheet_text(name: str, stylesheet: str) -> str:
    # The built-in stylesheet has no blocks, so this file includes it and adds rules after it:
    # in CSS a later rule of equal weight wins, which gives the same one-change-only override.
    return (
        f"/* {MARK} for the '{name}' audience.\n"
        f"   This file controls the styles of the '{name}' memo in HTML and PDF. It is a Jinja template (it\n"
        f"   sees memo and audience) that first includes brief's built-in {stylesheet}, so it follows brief's\n"
        f"   upgrades; rules you add after the include line come later and win. Example:\n"
        f"   .section-bluf h2 {{ color: #7a1f1f; }} */\n"
        f'{{% include "builtin:{stylesheet}" %}}\n'
        f"\n/* Rules for the '{name}' audience: */\n"
    )


def _copied(what: str, path: Path, name: str, ws: Workspace) -> str:
    """A copy of a workspace layout or stylesheet, with a header in that file's comment syntax."""
    origin = display(path, ws)
    body = _strip_header(path.read_text(encoding="utf-8"))
    if path.suffix == ".css":
        return f"/* {MARK} from {origin}.\n   This file controls the {what} of the '{name}' memo (HTML and PDF). Edit it freely. */\n{body}"
    return (
        f"{{#- {MARK} from {origin}.\n"
        f"    This file controls the {what} of the '{name}' memo (HTML and PDF). Edit it freely; the names\n"
        f'    it can use are listed under "Template context" in TEMPLATES.md. -#}}\n{body}'
    )


def _check_name(name: str) -> None:
    if not re.fullmatch(SLUG, name):
        raise AudienceError(
            f"'{name}' is not a valid audience name: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"
        )
    if name == "sections":
        raise AudienceError("'sections' is the folder of shared section templates; choose another audience name")


def new_audience(ws: Workspace, name: str, source: str = "staff", force: bool = False) -> ScaffoldReport:
    """Scaffold ``templates/<name>/`` from the audience `source` (as the workspace resolves it):
    its profile renamed, a copy of every section template it uses, and a layout and stylesheet
    that extend the built-in ones. Everything is prepared in memory, written, then loaded; if
    loading fails the folder is put back as it was."""
    _check_name(name)
    original = load_audience(source, ws.templates)
    profile = original.profile
    folder = ws.templates / name
    if folder.exists() and not force:
        raise AudienceError("already exists; pass --force to overwrite the scaffold's files in it", Location(folder))

    report = ScaffoldReport(name, source, folder)
    files: dict[str, bytes] = {}
    reference = original.reference_docx()
    if reference is not None:
        if not reference.is_file():
            raise AudienceError(f"reference_docx '{profile.reference_docx}' does not exist", Location(original.path))
        files[reference.name] = reference.read_bytes()
        report.created.append((reference.name, f"Word styles of the DOCX, copied from {display(reference, ws)}"))
    origin = display(original.path, ws)
    profile_text = _profile_text(original, name, origin, reference.name if reference else None)
    files["audience.yaml"] = profile_text.encode("utf-8")
    report.created.insert(0, ("audience.yaml", f"profile, copied from {origin}"))

    for section_id in dict.fromkeys(profile.sections):
        template = f"sections/{section_id}.md"
        path = resolve(ws, source, template)
        if path is None:
            heading = _prose_heading(section_id)
            report.notes.append(
                f"note: section '{section_id}' has no template; the brief's own '## {heading}' prose fills it"
                if heading
                else f"warning: section '{section_id}' has no template and no '## Heading' can fill it; the build will stop on it"
            )
            continue
        files[template] = _section_text(name, section_id, display(path, ws), path.read_text(encoding="utf-8")).encode("utf-8")
        report.created.append((template, f"section '{section_id}', copied from {display(path, ws)}"))

    for what, template in (("layout", profile.layout), ("stylesheet", profile.stylesheet)):
        path = resolve(ws, source, template)
        if path is None:
            searched = ", ".join(_folder(p, ws) for p in search_path(ws.templates, source))
            raise TemplateError(f"template '{template}' not found (searched {searched})", Location(original.path))
        if path.parent == BUILTIN:
            text = _layout_text(name, template) if what == "layout" else _stylesheet_text(name, template)
            how = f"{'extends' if what == 'layout' else 'includes'} builtin:{template}"
        else:
            # A workspace file may hold the workspace's own changes, which extending the built-in
            # one would lose; and `extends "layout.html"` from templates/<name>/ would find itself.
            text, how = _copied(what, path, name, ws), f"copied from {display(path, ws)}"
        files[template] = text.encode("utf-8")
        report.created.append((template, f"{what}, {how}"))

    _write_checked(ws, name, folder, files)
    return report


def _write_checked(ws: Workspace, name: str, folder: Path, files: dict[str, bytes]) -> None:
    """Write the scaffold, then prove it works: the profile loads and every template compiles.
    On any failure the folder is restored, so a broken scaffold never stays behind."""
    existed = folder.exists()
    previous = {rel: (folder / rel).read_bytes() if (folder / rel).is_file() else None for rel in files}
    try:
        for rel, data in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
        load_audience(name, ws.templates)
        templates = Templates(ws.templates, name)
        for rel in files:
            if rel.startswith("sections/"):
                templates.get(templates.markdown, rel)
            elif rel.endswith((".html", ".css")):
                templates.get(templates.html, rel)
    except OSError as exc:
        _restore(folder, existed, previous)
        raise AudienceError(f"cannot write: {exc.strerror}", Location(exc.filename or folder)) from None
    except BaseException:
        _restore(folder, existed, previous)
        raise


def _restore(folder: Path, existed: bool, previous: dict[str, bytes | None]) -> None:
    if not existed:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for rel, data in previous.items():
        if data is None:
            (folder / rel).unlink(missing_ok=True)
        else:
            (folder / rel).write_bytes(data)
