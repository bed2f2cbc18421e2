"""The sample workspace's congressional audience: two pages, two columns, built from workspace
templates that extend the built-in ones."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pypdf
import pytest
import yaml

from conftest import REPO, build_into, pdf_pages, sample_workspace


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return build_into(sample_workspace(tmp_path_factory.mktemp("congressional")), "us-mexico-security")


def _column_starts(page: pypdf.PageObject) -> list[float]:
    """x positions where body-size text lines begin."""
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict, size: float) -> None:
        if text.strip() and 8 <= size * tm[0] <= 13:  # body and list text, not footnotes
            starts.append(round(tm[4] * cm[0] + cm[4]))

    page.extract_text(visitor_text=visit)
    return starts


def test_two_pages_in_two_columns(built) -> None:  # type: ignore[no-untyped-def]
    reader = pypdf.PdfReader(built.pdf("congressional"))
    assert len(reader.pages) == 2
    for page in reader.pages:
        width = float(page.mediabox.width)
        starts = _column_starts(page)
        left = [x for x in starts if x < width * 0.2]
        right = [x for x in starts if width * 0.5 < x < width * 0.6]
        assert len(left) > 15 and len(right) > 15, (len(left), len(right))


def test_nonpartisan_with_sidebar_and_issues_for_congress(built) -> None:  # type: ignore[no-untyped-def]
    pages = pdf_pages(built.pdf("congressional"), layout=False)
    text = " ".join(" ".join(pages).split())
    # The product line over the title; then section heads in title case, as every memo prints them.
    assert re.match(r"CONGRESSIONAL BRIEF · OFFICE OF POLICY PLANNING · [A-Z]+ \d{1,2}, \d{4}\n", pages[0])
    heads = [line.strip() for page in pages for line in page.splitlines()]
    order = ["Key Figures", "Background", "Policy Options Under Discussion", "Issues for Congress"]
    # Issues for Congress closes the brief (before the author line and the endnotes).
    assert [h for h in heads if h in order] == order
    assert text.index("Issues for Congress") < text.index("Prepared by Office of Policy Planning.")
    # Nonpartisan and public: no recommendation, no decision, no handling marking, no cost lines.
    for banned in ("Recommendation", "RECOMMENDATION", "(recommended)", "Approve", "That you", "UNCLASSIFIED", "SBU", "(U)", "Cost."):
        assert banned not in text, banned
    html = (built.out / "congressional.html").read_text(encoding="utf-8")
    assert re.search(r'<section id="key_figures" class="section section-key_figures">\s*<h2>Key Figures</h2>\s*<ul class="key-fig', html)
    assert "column-count: 2" in html


def test_docx_is_two_columns_below_the_title(built) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(built.docx("congressional"))
    cols = [s._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cols") for s in document.sections]
    nums = [c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num") if c is not None else None for c in cols]
    assert "2" in nums and nums[0] != "2"  # the title section spans the page
    assert any(p.text == "Issues for Congress" for p in document.paragraphs)


def test_built_only_from_workspace_templates_that_extend_builtin_ones() -> None:
    folder = REPO / "templates" / "congressional"
    templates = [p for p in folder.rglob("*") if p.suffix in (".html", ".md", ".css")]
    assert {p.name for p in templates} >= {"layout.html", "memo.css", "key_figures.md", "options.md"}
    for path in templates:
        assert re.search(r'{%\s*(?:extends|include)\s+"builtin:', path.read_text(encoding="utf-8")), path
    assert not (REPO / "src" / "brief" / "templates" / "congressional").exists()
    assert (
        "congressional" in Path(REPO / "briefs" / "us-mexico-security.md").read_text(encoding="utf-8").split("audiences:")[1].split("\n")[0]
    )
    # The chronology is a section of its own, which the two-page brief leaves out of its list, so
    # the built-in background needs no workspace copy to drop it.
    sections = yaml.safe_load((folder / "audience.yaml").read_text(encoding="utf-8"))["sections"]
    assert "background" in sections and "chronology" not in sections
    assert not (folder / "sections" / "background.md").exists()
