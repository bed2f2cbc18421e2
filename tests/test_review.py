"""Reviewed summaries: a build makes memos only from summaries marked reviewed (draft: false),
`brief build --draft` reads drafts and marks every page DRAFT, `brief check` lists drafts, and
`brief review ID` marks one reviewed."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from tests.conftest import SHARED, brief, pdf_pages


def draft(ws: Path) -> Path:
    seed = ws / "seeds" / "harbor-2025.yaml"
    text = seed.read_text(encoding="utf-8")
    assert "draft: true" not in text
    seed.write_text(text.replace("kind: report\n", "kind: report\ndraft: true  # drafted by ingest\n"), encoding="utf-8")
    return seed


def line_of(path: Path, start: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(start))


def test_a_draft_summary_stops_the_build_at_its_line(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    assert brief(ws, "build", "--quiet").exit_code == 0  # built from reviewed summaries
    seed = draft(ws)
    result = brief(ws, "build", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"seeds/harbor-2025.yaml:{line_of(seed, 'draft:')}: error: summary 'harbor-2025' is a draft awaiting review: read it "
        "against its source, then set draft: false (`brief review harbor-2025` does it), or build a watermarked draft with --draft "
        "[summary/draft]"
    )
    checked = brief(ws, "check")
    assert checked.exit_code == 0 and f"seeds/harbor-2025.yaml:{line_of(seed, 'draft:')}: warning: summary 'harbor-2025'" in checked.stderr


def test_a_draft_build_says_draft_on_every_page_and_a_later_build_does_not(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    seed = draft(ws)
    result = brief(ws, "build", "--quiet", "--draft")
    assert result.exit_code == 0, result.output
    out = ws / "build" / "example"
    pages = pdf_pages(out / "staff.pdf")
    assert len(pages) > 1 and all(page.lstrip().startswith("DRAFT") for page in pages)
    document = docx.Document(str(out / "principal.docx"))
    assert document.sections[0].first_page_header.paragraphs[0].text == "DRAFT"
    assert "DRAFT" in (out / "public.html").read_text(encoding="utf-8")
    # Reviewed, the summary builds; the memos are made again, without the mark.
    reviewed = brief(ws, "review", "harbor-2025")
    assert reviewed.exit_code == 0 and reviewed.output == "reviewed seeds/harbor-2025.yaml\n"
    assert "draft: false  # drafted by ingest" in seed.read_text(encoding="utf-8")
    again = brief(ws, "build", "--quiet")
    assert again.exit_code == 0, again.output
    assert not any("DRAFT" in page for page in pdf_pages(out / "staff.pdf"))


def test_review_names_an_unknown_summary(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    result = brief(tmp_path / "ws", "review", "no-such-summary")
    assert (
        result.exit_code == 1 and "error: no summary with id 'no-such-summary'" in result.stderr and "[summary/not-found]" in result.stderr
    )


def test_check_reads_summaries_without_a_brief_and_names_a_missing_sources_folder(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    (ws / "briefs" / "example.md").unlink()
    draft(ws)
    result = brief(ws, "check")
    # No brief yet: every summary is checked (figures against their sources, drafts, conflicts).
    assert result.exit_code == 0, result.output
    assert "summary 'harbor-2025' is a draft awaiting review" in result.stderr
    assert "[conflict/figures]" in result.stderr and result.stderr.rstrip().endswith("0 errors, 2 warnings")
    seed = ws / "seeds" / "harbor-2025.yaml"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("quote: contraband in 312 containers", "quote: contraband in 313 containers"),
        encoding="utf-8",
    )
    assert "error:" in brief(ws, "check").stderr
    missing = brief(ws, "check", "--sources", "no-such-folder")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "no-such-folder: error: the --sources folder does not exist [config/invalid]"


def test_check_reads_a_pdf_as_ingest_read_it(tmp_path: Path) -> None:
    """What ingest drafts from a PDF verifies clean straight after ingest: check reads the raw
    source through the same reader, not as bytes."""
    pdf = SHARED / "corpus" / "govdocs" / "crs-IF11175-us-mexico-trade-relations" / "original.pdf"
    if not pdf.is_file():
        pytest.skip("the corpus (../shared) is absent")
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    (ws / "briefs" / "example.md").unlink()
    (ws / "sources" / "trade.pdf").write_bytes(pdf.read_bytes())
    ingested = brief(ws, "ingest", "sources/trade.pdf")
    assert ingested.exit_code == 0 and "sources/trade.pdf -> seeds/" in ingested.stderr
    checked = brief(ws, "check")
    assert checked.exit_code == 0, checked.stderr
    assert checked.stderr.rstrip().endswith("0 errors, 2 warnings")  # the draft, and the example's conflict
