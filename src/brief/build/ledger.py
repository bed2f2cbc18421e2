"""The figure ledger, ``build/<brief>/figures.json``: every figure the memos of a brief show.

Stage: build. For each figure: its id, value, unit, label and period, the text the memos print,
the source and its verbatim quote, the character span of that quote in the raw source file, and
the audiences whose memos show it. The ledger is made from the figures the manifest stores for
each memo, so a rebuild that skips a memo still lists its figures; it is rewritten when a memo's
key or a raw source file changes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from brief.build.manifest import Manifest, MemoRecord, raw_stamp, sha256_bytes

if TYPE_CHECKING:
    from brief.inputs.spec import BriefSpec
    from brief.inputs.summaries import LoadedSummary


def ledger_records(manifest: Manifest, brief: str, audiences: Sequence[str]) -> list[tuple[str, MemoRecord]]:
    """(audience, record) of each memo of the brief the manifest knows."""
    return [(a, manifest.memos[f"{brief}/{a}"]) for a in audiences if f"{brief}/{a}" in manifest.memos]


def ledger_key(records: Sequence[tuple[str, MemoRecord]], sources: Sequence[str], raw: dict[str, str | None]) -> str | None:
    """The key of a brief's ledger: its memos' keys and the stamps of its raw sources (None when
    a source's raw file is not yet known, which means the ledger must be made)."""
    if any(source not in raw for source in sources):
        return None
    parts = [f"memo {audience} {record.key}" for audience, record in records]
    parts += [f"raw {source} {raw_stamp(raw[source])}" for source in sources]
    return sha256_bytes("\n".join(parts).encode("utf-8"))


def make_ledger(spec: BriefSpec, sources: Sequence[LoadedSummary], records: Sequence[tuple[str, MemoRecord]]) -> bytes:
    """figures.json: each figure the memos show, where it comes from, and which memos show it."""
    from brief.verify.provenance import find_span

    by_id = {s.id: s for s in sources}
    raw_cache: dict[str, str | None] = {}
    entries: dict[str, dict[str, Any]] = {}
    for audience, record in records:
        for use in record.figures:
            entry = entries.get(use["id"])
            source = by_id.get(use["source"])
            if source is None:  # a memo built before its brief dropped this source
                continue
            if entry is None:
                if source.id not in raw_cache:
                    path = source.raw_path()
                    raw_cache[source.id] = path.read_text(encoding="utf-8", errors="replace") if path and path.is_file() else None
                raw = raw_cache[source.id]
                span = find_span(raw, use["quote"]) if raw is not None else None
                entry = {
                    "id": use["id"], "value": use["value"], "unit": use["unit"], "label": use["label"], "period": use["period"],
                    "shown_as": use["shown_as"], "source": use["source"], "quote": use["quote"],
                    "source_file": source.summary.source_file,
                    "span": list(span) if span else None, "audiences": [],
                }  # fmt: skip
                entries[use["id"]] = entry
            if audience not in entry["audiences"]:
                entry["audiences"].append(audience)
    document = {"brief": spec.name, "figures": sorted(entries.values(), key=lambda e: e["id"])}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
