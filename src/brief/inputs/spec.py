"""Brief specifications: reading ``briefs/<name>.md``.

Stage: input. A spec is YAML front matter (metadata, sources, options, audiences) followed by the
analyst's own prose in Markdown, split into sections by ``## Heading`` lines. The prose may call
Jinja helpers (``{{ figure("id") }}``, ``{{ cite("source-id") }}``); they are evaluated during
assembly, not here. This module only parses and validates the file's own shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from brief.errors import Location, SpecError
from brief.inputs.models import SpecFront
from brief.inputs.yamlio import node_line, parse_yaml, read_text, validate
from brief.untrusted import clean_text

_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class ProseSection:
    """One ``## Heading`` of the analyst's prose. ``## Background (principal)`` is the
    background of the audience named principal only; ``(public)``, ``(action)`` or
    ``(information)`` name every audience of that form."""

    id: str  # slug of the heading: "Where sources disagree" -> "where-sources-disagree"
    title: str
    text: str
    line: int  # 1-based line of the heading in the spec file
    variant: str | None = None  # the audience or form the section is written for; None: every audience


@dataclass(frozen=True)
class BriefSpec:
    name: str
    path: Path
    front: SpecFront
    prose: dict[str, ProseSection]
    text: str
    variants: dict[tuple[str, str], ProseSection] = field(default_factory=dict)  # (id, audience or form) -> prose
    node: yaml.Node | None = field(repr=False, default=None)
    front_offset: int = 1  # lines before the YAML text (the opening ---)

    def prose_for(self, name: str, form: str) -> dict[str, ProseSection]:
        """The prose one audience reads: each section's variant for the audience by name, else
        for its form, else the common text."""
        chosen = dict(self.prose)
        for key in {k for k, _ in self.variants}:
            found = self.variants.get((key, name)) or self.variants.get((key, form))
            if found is not None:
                chosen[key] = found
        return chosen

    def line_of(self, *loc: str | int) -> int | None:
        """Line of a front-matter entry, e.g. ``line_of("options", 2, "pros")``."""
        return node_line(self.node, tuple(loc), self.front_offset)

    def location(self, *loc: str | int) -> Location:
        return Location(self.path, self.line_of(*loc) if loc else None)

    def find(self, needle: str) -> Location:
        """Location of the first line that contains `needle` (for errors raised while evaluating
        helpers, which Jinja reports without a line)."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if needle in line:
                return Location(self.path, number)
        return Location(self.path)


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def load_spec(path: Path) -> BriefSpec:
    text = read_text(path, SpecError)
    # Prose is often pasted from sources: what no input may carry goes here, where it is read.
    text = clean_text(text)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SpecError("a brief starts with YAML front matter between '---' lines", Location(path, 1), "spec/syntax")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise SpecError("the front matter is not closed by a '---' line", Location(path, 1), "spec/syntax") from None
    front_text = "\n".join(lines[1:end])
    data, node = parse_yaml(front_text, path, SpecError, line_offset=1)
    if not isinstance(data, dict):
        raise SpecError("the front matter must be a YAML mapping", Location(path, 2))
    front = validate(SpecFront, data, path, node, SpecError, line_offset=1)
    audiences = {*front.audiences, *FORMS}
    sections = _split_sections(lines, end + 1, path, audiences)
    prose = {s.id: s for s in sections if s.variant is None}
    variants = {(s.id, s.variant): s for s in sections if s.variant is not None}
    return BriefSpec(path.stem, path, front, prose, text, variants, node, 1)


FORMS = ("action", "information", "public")
_VARIANT = re.compile(r"^(?P<title>.+?)\s*\((?P<name>[a-z][a-z0-9_.-]*)\)$")


def _split_sections(lines: list[str], start: int, path: Path, audiences: set[str]) -> list[ProseSection]:
    sections: dict[tuple[str, str | None], ProseSection] = {}
    current: tuple[str, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            if any(line.strip() for line in body):
                raise SpecError(
                    "prose before the first '## Heading'; put it under a heading such as '## BLUF'", Location(path, start + 1), "spec/prose"
                )
            return
        title, line = current
        variant = None
        # "Background (principal)": a variant only when the name is an audience of the brief or a
        # form, so a heading such as "Outlook (draft)" keeps its parentheses.
        match = _VARIANT.match(title)
        if match and match.group("name") in audiences:
            title, variant = match.group("title"), match.group("name")
        key = slugify(title)
        if (key, variant) in sections:
            raise SpecError(f"section '{current[0]}' appears twice", Location(path, line), "spec/prose")
        # Leading blank lines are kept so that line N of the text is line `line + N` of the file.
        sections[(key, variant)] = ProseSection(key, title, "\n".join(body).rstrip(), line, variant)

    in_fence = False
    for index in range(start, len(lines)):
        raw = lines[index]
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(raw)
        if match:
            close()
            current, body = (match.group(1), index + 1), []
        else:
            body.append(raw)
    close()
    return list(sections.values())
