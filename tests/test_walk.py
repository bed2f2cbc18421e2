"""A new analyst's first hour, as one walk: init, ingest a folder of PDF, DOCX, HTML, Markdown and
text sources from the corpus, check the untouched drafts (no errors), mark them reviewed, draft a
brief, build it as a draft, fill in its placeholders and build it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from tests.conftest import SHARED, brief, pdf_pages

GOVDOCS = SHARED / "corpus" / "govdocs"
FILES = {
    "trade.pdf": GOVDOCS / "crs-IF11175-us-mexico-trade-relations" / "original.pdf",
    "firearms.txt": GOVDOCS / "wh-2023-06-14-fact-sheet-firearms-trafficking-mexico" / "text.txt",
    "dialogue.md": GOVDOCS / "wh-2021-10-08-fact-sheet-hlsd" / "original.md",
    "guardian.html": SHARED / "corpus" / "html" / "guardian-1" / "source.html",
}
SECOND = GOVDOCS / "wh-2022-10-13-fact-sheet-second-hlsd" / "text.txt"  # made into a DOCX

pytestmark = pytest.mark.skipif(not all(p.is_file() for p in [*FILES.values(), SECOND]), reason="the corpus (../shared) is absent")


def test_from_an_empty_folder_to_built_memos(tmp_path: Path) -> None:
    assert brief(tmp_path, "init", "ws").exit_code == 0
    ws = tmp_path / "ws"
    for path in [ws / "briefs" / "example.md", *(ws / "seeds").glob("*.yaml"), *(ws / "sources").iterdir()]:
        path.unlink()
    for name, source in FILES.items():
        (ws / "sources" / name).write_bytes(source.read_bytes())
    document = docx.Document()
    for paragraph in SECOND.read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.save(str(ws / "sources" / "second-dialogue.docx"))

    ingested = brief(ws, "ingest", *sorted(str(p.relative_to(ws)) for p in (ws / "sources").iterdir()))
    assert ingested.exit_code == 0, ingested.stderr
    assert len(re.findall(r"^sources/\S+ -> seeds/\S+\.yaml$", ingested.stderr, re.M)) == 5
    checked = brief(ws, "check")  # the untouched drafts verify against what ingest read
    assert checked.exit_code == 0 and re.search(r"^0 errors, \d+ warnings$", checked.stderr, re.M), checked.stderr
    ids = sorted(p.stem for p in (ws / "seeds").glob("*.yaml"))
    assert brief(ws, "build").exit_code == 1  # drafts are refused
    assert brief(ws, "review", *ids).exit_code == 0
    assert brief(ws, "new", "mybrief").exit_code == 0
    draft = brief(ws, "build", "--quiet", "--draft")
    assert draft.exit_code == 0, draft.stderr
    spec = ws / "briefs" / "mybrief.md"
    spec.write_text(re.sub(r"\[insert: [^\]]*\]", "Written by the analyst", spec.read_text(encoding="utf-8")), encoding="utf-8")
    built = brief(ws, "build", "--quiet")
    assert built.exit_code == 0, built.stderr
    first = " ".join(pdf_pages(ws / "build" / "mybrief" / "principal.pdf")[0].split())
    assert "ACTION MEMO FOR WRITTEN BY THE ANALYST" in first and "DRAFT" not in first
