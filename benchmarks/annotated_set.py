"""The ingest annotation set (benchmarks/annotations/set.yaml): which corpus documents, their kind,
the frozen third, and each document written out as the file an analyst would hand to `brief ingest`.

A briefing-room or BBC record is saved as plain text, its headline on the first line and its body
after a blank line (what copying the page gives); a saved web page or a government document is
used as published (HTML, Markdown, PDF).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
ANNOTATIONS = REPO / "benchmarks" / "annotations"


@dataclass
class Document:
    id: str
    kind: str
    source: str
    frozen: bool
    gold: dict[str, Any] = field(default_factory=dict)
    independent: bool = False  # annotated by readers who never saw the rules or a draft (GUIDE.md)

    def write(self, folder: Path) -> Path:
        """The file `brief ingest` reads for this document, written into `folder` when it is a
        record of a JSON Lines file; a document that is a file of its own is read where it is."""
        path, _, record_id = self.source.partition("#")
        if not record_id:
            return CORPUS / path
        record = _records(path)[record_id]
        target = folder / f"{self.id[:80]}.txt"
        text = record["text"]
        title = record.get("title") or ""
        # A BBC record's text already starts with its headline.
        body = text if title and text.startswith(title) else f"{title}\n\n{text}"
        target.write_text(body, encoding="utf-8")
        return target


@cache
def _records(path: str) -> dict[str, dict[str, Any]]:
    with (CORPUS / path).open(encoding="utf-8") as handle:
        return {(row := json.loads(line))["id"]: row for line in handle}


def documents(with_gold: bool = True) -> list[Document]:
    """The set's documents in set.yaml order; with their annotations when `with_gold`, leaving
    out a document not annotated yet."""
    listed = yaml.safe_load((ANNOTATIONS / "set.yaml").read_text(encoding="utf-8"))
    found = []
    for entry in listed:
        doc = Document(entry["id"], entry["kind"], entry["source"], bool(entry.get("frozen")), independent=bool(entry.get("independent")))
        if with_gold:
            gold_path = ANNOTATIONS / "set" / f"{doc.id[:80]}.yaml"
            if not gold_path.is_file():
                continue
            try:
                doc.gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:  # an annotation being written; the others still score
                print(f"{gold_path.name}: cannot read: {str(exc).splitlines()[0]}", file=sys.stderr)
                continue
        _check_keys(doc)
        found.append(doc)
    return found


_KEYS = {
    "figures": {"value", "upper", "unit", "key", "label", "accept", "locator"},
    "quotes": {"text", "speaker"},
    "people": {"name", "role", "also"},
    "organizations": {"name", "also"},
    "options": {"id", "stance"},
}


def _check_keys(doc: Document) -> None:
    """An unquoted comma in a YAML flow mapping splits a value into stray keys: say so."""
    for section, keys in _KEYS.items():
        for entry in doc.gold.get(section) or []:
            if isinstance(entry, dict) and (stray := set(entry) - keys):
                print(f"{doc.id[:60]}: {section}: unexpected keys {sorted(map(str, stray))}", file=sys.stderr)
