"""Planning a build: which memos and ledgers a command asks for, and which of them are stale.

Stage: build. Each memo asked for (a brief for one audience) is keyed on the content hash of its
inputs (:func:`brief.build.manifest.memo_key`) and is fresh when its key and files match the
manifest. Specs are parsed only when they changed since the manifest last saw them, and summaries
not at all, so a build with nothing to do ends here having imported no reader and no renderer.
A spec parsed here is kept in the plan, so the build parses it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brief.build.ledger import ledger_key, ledger_records
from brief.build.manifest import FileRecord, Inputs, Manifest, memo_key
from brief.errors import BriefError, Location, SummaryError, raise_all
from brief.inputs.project import resolve_sources
from brief.workspace import Workspace

if TYPE_CHECKING:
    from brief.inputs.spec import BriefSpec


@dataclass
class Wanted:
    """One memo the command asks for, and whether the manifest says it is current."""

    brief: str
    path: Path
    spec_sha: str
    spec_audiences: list[str]
    sources: list[str]  # selected source ids; empty when an entry names a missing one
    audience: str
    fresh: bool


@dataclass
class Plan:
    wanted: list[Wanted]
    stale_ledgers: set[str]  # briefs whose figures.json must be made again
    ledger_audiences: dict[str, list[str]]  # brief -> the audiences its ledger lists
    specs: dict[Path, BriefSpec] = field(default_factory=dict)  # specs parsed while planning

    @property
    def stale(self) -> list[Wanted]:
        return [w for w in self.wanted if not w.fresh]


def drafts_in(inputs: Inputs, ids: Sequence[str]) -> list[BriefError]:
    """An error for each summary among `ids` that still awaits review: a memo is made only from
    reviewed summaries, unless the build is a draft (``brief build --draft``)."""
    found: list[BriefError] = []
    files = inputs.seed_files()
    for sid in ids:
        line = inputs.draft_line(files[sid]) if sid in files else None
        if line is not None:
            message = (
                f"summary '{sid}' is a draft awaiting review: read it against its source, then set draft: false "
                f"(`brief review {sid}` does it), or build a watermarked draft with --draft"
            )
            found.append(SummaryError(message, Location(files[sid], line), "summary/draft"))
    return found


def plan_build(
    workspace: Workspace,
    manifest: Manifest,
    inputs: Inputs,
    paths: Sequence[Path],
    audiences: Sequence[str],
    formats: Sequence[str],
    force: bool,
    draft: bool = False,
) -> Plan:
    """Every memo asked for, each marked fresh or stale, and the ledgers to make again."""
    plan = Plan([], set(), {})
    errors: list[BriefError] = []
    # Two files with one summary id: reading the summaries reports it, so nothing is fresh.
    force = force or bool(inputs.duplicate_seeds())
    for path in paths:
        name = path.stem
        spec_sha = inputs.digest(path) or ""
        cached = manifest.specs.get(name)
        if cached and cached.get("sha") == spec_sha:
            patterns, spec_audiences = list(cached["sources"]), list(cached["audiences"])
        else:
            from brief.inputs.spec import load_spec

            try:
                spec = plan.specs[path] = load_spec(path)
            except BriefError as exc:
                errors.append(exc)
                continue
            patterns, spec_audiences = list(spec.front.sources), list(spec.front.audiences)
        ids, missing = resolve_sources(patterns, list(inputs.seed_files()))
        if not draft:
            errors += drafts_in(inputs, ids)
        out_dir = workspace.build / name
        for audience in audiences or spec_audiences:
            record = manifest.memos.get(f"{name}/{audience}")
            fresh = False
            # Page images are made at the resolution asked for now, which the manifest does not
            # record: a build that asks for them makes them again.
            if record and missing is None and not force and "png" not in formats:
                key = memo_key(inputs, spec_sha, ids, audience, record.extra_deps, draft)
                fresh = key == record.key and all(fmt in record.files and record.files[fmt].matches(out_dir) for fmt in formats)
            plan.wanted.append(Wanted(name, path, spec_sha, spec_audiences, ids if missing is None else [], audience, fresh))
    raise_all(list({str(e): e for e in errors}.values()))  # a draft shared by briefs is reported once

    # The ledger of each brief lists the figures of every current memo of it.
    for item in plan.wanted:
        names = plan.ledger_audiences.setdefault(item.brief, list(item.spec_audiences))
        if item.audience not in names:
            names.append(item.audience)
    for item in {w.brief: w for w in plan.wanted}.values():
        entry = manifest.ledgers.get(item.brief)
        wanted_key = ledger_key(ledger_records(manifest, item.brief, plan.ledger_audiences[item.brief]), item.sources, manifest.raw)
        if force or not entry or entry.get("key") != wanted_key or not FileRecord(**entry["file"]).matches(workspace.build / item.brief):
            plan.stale_ledgers.add(item.brief)
    return plan
