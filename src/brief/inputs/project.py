"""What a brief means: the briefs a command names, and for each the sources and audiences it uses,
read once and checked against each other.

Stage: input; the one answer :mod:`brief.build`, ``brief check`` and ``brief serve`` share. A
brief's ``sources`` list selects summaries by id or glob (:func:`resolve_sources`), its options
must be in the catalogue, its key figures in its sources, its recommendation among its options
(:func:`check_spec`), and its audiences must exist (:func:`read_brief`).

:func:`find_briefs`, :func:`summary_files` and :func:`resolve_sources` use only the standard
library, so a build that finds nothing to do decides it without parsing YAML; everything else
imports its readers when called.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brief.errors import BriefError, Location, SpecError, SummaryError, raise_all
from brief.workspace import Workspace

if TYPE_CHECKING:
    from brief.inputs.audiences import Audience
    from brief.inputs.models import CatalogueOption
    from brief.inputs.spec import BriefSpec
    from brief.inputs.summaries import LoadedSummary


# The SLUG of brief.inputs.models, which is not imported here: it needs pydantic, and this module
# must stay cheap. A brief's name is the folder of its outputs (build/<name>/), so it must be one.
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def find_briefs(workspace: Workspace, names: Sequence[str]) -> list[Path]:
    """The brief files a command names (by name or path), or every brief of the workspace; each
    must be named by a slug (:func:`check_brief_name`)."""
    if not names:
        paths = workspace.brief_paths()
        if not paths:
            raise SpecError(f"no briefs found in {workspace.briefs}", None, "spec/not-found")
    else:
        paths = []
        for name in names:
            # A brief by name ("port-security"), file name ("port-security.md") or path.
            candidate = Path(name)
            stem = name.removesuffix(".md")
            in_briefs = workspace.briefs / f"{stem}.md"
            if candidate.suffix == ".md" and candidate.is_file():
                paths.append(candidate.resolve())
            elif "/" not in stem and in_briefs.is_file():
                paths.append(in_briefs)
            else:
                raise SpecError(f"no brief named '{name}' (looked for {in_briefs})", None, "spec/not-found")
    raise_all([error for error in map(check_brief_name, paths) if error])
    return paths


def check_brief_name(path: Path) -> SpecError | None:
    """The error of a brief file whose name is not a slug, so cannot name its outputs' folder:
    ``...md`` (whose name, ``..``, is the build folder's parent) or ``Bad Name.md``."""
    name = path.stem
    # fullmatch: "$" alone would let a name end in a newline. The slug starts with a letter or
    # digit, so "." and ".." never pass.
    if _NAME.fullmatch(name) and name not in (".", ".."):
        return None
    message = f"brief name '{name}' is not a slug (lower-case letters, digits, '.', '_', '-', from a letter or digit) to name its outputs"
    return SpecError(message, Location(path), "spec/name")


def summary_files(seeds: Path) -> tuple[dict[str, Path], list[tuple[Path, Path]]]:
    """Source id -> summary file (a summary's id is its file name: the loader insists), and each
    (first, second) pair of files that would have one id (``x.yaml`` and ``x.yml``). The build's
    freshness keys and :func:`brief.inputs.summaries.load_summaries` both read this list, so they
    never disagree about which file is a source's."""
    found: dict[str, Path] = {}
    duplicates: list[tuple[Path, Path]] = []
    if seeds.is_dir():
        for suffix in ("*.yaml", "*.yml"):
            for path in sorted(seeds.glob(suffix)):
                first = found.setdefault(path.stem, path)
                if first != path:
                    duplicates.append((first, path))
    return found, duplicates


def resolve_sources(patterns: Sequence[str], ids: Sequence[str]) -> tuple[list[str], int | None]:
    """The source ids a brief's ``sources`` list selects, in its order, and the index of the
    first entry that names a missing id (None when every entry resolves). Globs match ids."""
    chosen: dict[str, None] = {}
    ordered = sorted(ids)
    known = set(ids)
    for index, pattern in enumerate(patterns):
        if any(ch in pattern for ch in "*?["):
            for key in ordered:
                if fnmatch.fnmatchcase(key, pattern):
                    chosen.setdefault(key, None)
        elif pattern in known:
            chosen.setdefault(pattern, None)
        else:
            return list(chosen), index
    return list(chosen), None


def select_sources(spec: BriefSpec, summaries: Mapping[str, LoadedSummary]) -> list[LoadedSummary]:
    """The summaries a brief uses, in the order its ``sources`` list names them."""
    chosen, missing = resolve_sources(spec.front.sources, list(summaries))
    if missing is not None:
        where = spec.location("sources", missing)
        raise SpecError(f"source '{spec.front.sources[missing]}' has no summary in seeds/", where, "spec/unknown-source")
    if not chosen:
        raise SpecError("the brief's sources match no summary in seeds/", spec.location("sources"), "spec/unknown-source")
    return [summaries[key] for key in chosen]


def check_spec(spec: BriefSpec, sources: Sequence[LoadedSummary], catalogue: Mapping[str, CatalogueOption]) -> None:
    """Cross-file checks of a spec: every id it names exists. All problems are reported at once."""
    errors: list[BriefError] = []
    figure_ids = {f.id for s in sources for f in s.summary.figures}
    for i, fid in enumerate(spec.front.key_figures):
        if fid not in figure_ids:
            message = f"key figure '{fid}' is not a figure of the brief's sources"
            errors.append(SpecError(message, spec.location("key_figures", i), "spec/unknown-figure"))
    seen: set[str] = set()
    for i, option in enumerate(spec.front.options):
        where = spec.location("options", i, "id")
        if option.id not in catalogue:
            errors.append(SpecError(f"option '{option.id}' is not in the option catalogue", where, "spec/unknown-option"))
        if option.id in seen:
            errors.append(SpecError(f"option '{option.id}' is listed twice", where, "spec/duplicate-option"))
        seen.add(option.id)
    rec = spec.front.recommendation
    if rec and rec not in seen:
        message = f"recommendation '{rec}' is not one of the brief's options"
        errors.append(SpecError(message, spec.location("recommendation"), "spec/unknown-recommendation"))
    for source in sources:
        for i, mention in enumerate(source.summary.options):
            if mention.id not in catalogue:
                # Ingest drafts only catalogue ids; a stray one is an edit, or a catalogue that changed.
                line = source.option_lines[i] if i < len(source.option_lines) else None
                message = f"option '{mention.id}' is not in the option catalogue"
                errors.append(SummaryError(message, Location(source.path, line), "summary/unknown-option"))
    raise_all(errors)


@dataclass(frozen=True)
class Brief:
    """One brief, read and checked: its spec, the summaries it selects and the audiences asked for."""

    spec: BriefSpec
    sources: list[LoadedSummary]
    audiences: list[Audience]

    @property
    def name(self) -> str:
        return self.spec.name


def read_brief(
    workspace: Workspace,
    path: Path,
    summaries: Mapping[str, LoadedSummary],
    catalogue: Mapping[str, CatalogueOption],
    audiences: Sequence[str] | None = None,
    spec: BriefSpec | None = None,
) -> Brief:
    """A brief with its sources and audiences (`audiences`, else those its front matter lists).
    `spec` is the spec when the caller already parsed it, so it is parsed once."""
    from brief.inputs.audiences import load_audience
    from brief.inputs.spec import load_spec

    spec = spec or load_spec(path)
    sources = select_sources(spec, summaries)
    check_spec(spec, sources, catalogue)
    where: dict[str, Location] = {n: spec.location("audiences", i) for i, n in enumerate(spec.front.audiences)}
    names = list(audiences) if audiences is not None else spec.front.audiences
    return Brief(spec, sources, [load_audience(n, workspace.templates, where.get(n)) for n in names])


def read_briefs(
    workspace: Workspace,
    paths: Sequence[Path],
    audiences: Mapping[str, Sequence[str]] | None = None,
    summaries: Mapping[str, LoadedSummary] | None = None,
    specs: Mapping[Path, BriefSpec] | None = None,
) -> tuple[list[Brief], dict[str, CatalogueOption]]:
    """Every brief of `paths` read and checked before anything is assembled, with the option
    catalogue; all problems of all briefs are reported together. `audiences` gives, by brief
    name, the audiences to load (a brief's own list otherwise); `specs` holds specs the caller
    has already parsed."""
    from brief.inputs.catalogue import load_catalogue
    from brief.inputs.summaries import load_summaries

    if summaries is None:
        summaries = load_summaries(workspace)
    catalogue = load_catalogue(workspace)
    briefs: list[Brief] = []
    errors: list[BriefError] = []
    for path in paths:
        try:
            spec = (specs or {}).get(path)
            wanted = audiences.get(path.stem) if audiences is not None else None
            briefs.append(read_brief(workspace, path, summaries, catalogue, wanted, spec))
        except BriefError as exc:
            errors.append(exc)
    raise_all(errors)
    return briefs, catalogue


def draft_line(text: str) -> int | None:
    """The line of a summary's text that marks it a draft (``draft: true``), read without
    parsing the YAML (nor importing the models): builds ask of every summary they use, rebuilds with nothing to do included."""
    for number, line in enumerate(text.splitlines(), start=1):
        key, _, value = line.partition(":")
        if key == "draft" and value.split("#")[0].strip().lower() in ("true", "yes", "on"):
            return number
    return None
