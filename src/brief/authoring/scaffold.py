"""``brief templates new NAME --from AUDIENCE``: scaffold an audience ready to edit.

Stage: authoring. Writes one folder, ``templates/<name>/``: the source audience's profile renamed,
a copy of every section template it uses, and a layout and stylesheet that extend the built-in
ones; every file opens with a comment saying what it controls. The new audience is loaded before
success is reported, and the folder is put back as it was if that fails.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

from brief.authoring.common import MARK, display, folder_text, prose_heading, resolve
from brief.errors import AudienceError, Location, TemplateError
from brief.inputs.audiences import Audience, load_audience
from brief.inputs.models import SLUG
from brief.inputs.templating import BUILTIN, Templates, search_path
from brief.workspace import Workspace

# What each block of the built-in layout holds, for the list in a scaffolded layout.html. The
# block names themselves are read from the built-in layout, so a new block still gets listed.
BLOCK_HELP = {
    "banner_top": "the classification banner at the top of every page",
    "banner_bottom": "the classification banner at the bottom of every page",
    "heading": "the memo heading (MEMORANDUM FOR / FROM / SUBJECT / DATE) or the public brief's title",
    "sections": "every section, in the profile's order",
    "endnotes": "the numbered notes shown on screen (print puts them at the foot of each page)",
}


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
        raise AudienceError("cannot find the profile's top-level 'name:' line to rename it", Location(audience.path), "audience/scaffold")
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
            f"'{name}' is not a valid audience name: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
            None,
            "audience/scaffold",
        )
    if name == "sections":
        raise AudienceError("'sections' is the folder of shared section templates; choose another audience name", None, "audience/scaffold")


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
        raise AudienceError("already exists; pass --force to overwrite the scaffold's files in it", Location(folder), "audience/scaffold")

    report = ScaffoldReport(name, source, folder)
    files: dict[str, bytes] = {}
    reference = original.reference_docx()
    if reference is not None:
        if not reference.is_file():
            raise AudienceError(f"reference_docx '{profile.reference_docx}' does not exist", Location(original.path), "audience/scaffold")
        files[reference.name] = reference.read_bytes()
        report.created.append((reference.name, f"Word styles of the DOCX, copied from {display(reference, ws)}"))
    origin = display(original.path, ws)
    profile_text = _profile_text(original, name, origin, reference.name if reference else None)
    files["audience.yaml"] = profile_text.encode("utf-8")
    report.created.insert(0, ("audience.yaml", f"profile, copied from {origin}"))

    for section_id in dict.fromkeys([*profile.sections, *profile.tabs]):
        template = f"sections/{section_id}.md"
        path = resolve(ws, source, template)
        if path is None:
            heading = prose_heading(section_id)
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
            searched = ", ".join(folder_text(p, ws) for p in search_path(ws.templates, source))
            raise TemplateError(f"template '{template}' not found (searched {searched})", Location(original.path), "template/not-found")
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
        raise AudienceError(f"cannot write: {exc.strerror}", Location(exc.filename or folder), "audience/scaffold") from None
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
