"""Layout rules (verify/layout.py): the sample lays out with no finding, and seeded faults (a
stylesheet that lets rows break and pads cells, a table wider than its column, a chart label too
long, a DOCX table wider than its column) each give their rule's finding with the page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import docx
import pytest
from docx.shared import Inches

from brief.assemble.memo import Memo
from brief.diagnostics import RULES
from brief.inputs.spec import BriefSpec
from brief.render import PageLayout, Rendered
from brief.render.docx_layout import column_width, wide_boxes
from brief.render.docx_oxml import set_columns
from brief.verify.layout import check_layout, clipped_labels
from conftest import brief, pdf_pages, sample_workspace

LAYOUT = [code for code in RULES if code.startswith("layout/")]


def _findings(ws: Path) -> list[dict[str, object]]:
    result = brief(ws, "check", "--json")
    found: list[dict[str, object]] = json.loads(result.output)
    return [d for d in found if str(d["code"]).startswith("layout/")]


def _seeded(tmp_path: Path, audience: str, css: str) -> Path:
    """The sample with a workspace stylesheet for one audience: the built-in one, then `css`."""
    ws = sample_workspace(tmp_path)
    folder = ws / "templates" / audience
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "memo.css").write_text('{% include "builtin:memo.css" %}\n' + css, encoding="utf-8")
    return ws


def _spec() -> BriefSpec:
    return BriefSpec("x", Path("brief.md"), None, {}, "## Background\n")  # type: ignore[arg-type]


def _memo() -> Memo:
    return cast(Memo, SimpleNamespace(audience="staff", sections=()))


def test_sample_has_no_layout_finding(sample_built) -> None:  # type: ignore[no-untyped-def]
    """Every memo of the sample lays out clean."""
    assert _findings(sample_built.ws) == []


def test_rows_that_may_break_are_reported_with_their_page(tmp_path: Path) -> None:
    ws = _seeded(tmp_path, "public", "tr { break-inside: auto; }\ntd { padding: 40pt 5pt; orphans: 1; widows: 1; }\n")
    found = [d for d in _findings(ws) if d["code"] == "layout/row-split"]
    assert found, "a padded table that may split its rows splits one"
    assert re.search(r"page \d+ of the public memo PDF breaks the table row “.+” onto the next page", str(found[0]["message"]))
    assert str(found[0]["path"]).endswith("us-mexico-security.md")


def test_a_table_wider_than_its_column_is_reported(tmp_path: Path) -> None:
    ws = _seeded(tmp_path, "public", "table { width: 9in; }\n")
    found = [str(d["message"]) for d in _findings(ws) if d["code"] == "layout/overflow"]
    assert any(
        re.search(r"page \d+ of the public memo PDF: the table “Measure Figure .*” is \d+ pt wider than its column", m) for m in found
    )


def test_a_note_moved_off_its_calls_page_is_reported(tmp_path: Path) -> None:
    """WeasyPrint's own policy lets a note that does not fit go over the page; the built-in
    stylesheet moves the call's line with it. Undo that and the public memo has a note away."""
    ws = _seeded(tmp_path, "public", "@media print { .footnote { footnote-policy: auto; } }\n")
    found = [str(d["message"]) for d in _findings(ws) if d["code"] == "layout/note-away"]
    assert any(re.search(r"page (\d+) of the public memo PDF calls note \d+, which is printed on page \d+", m) for m in found)


def test_endnote_calls_print_in_the_congressional_body(sample_built) -> None:  # type: ignore[no-untyped-def]
    """The print rule that hides in-text links to notes is undone where notes are endnotes: the
    body of page one carries its calls (superscripts glued to the word before)."""
    first = pdf_pages(sample_built.pdf("congressional"), layout=False)[0]
    assert re.search(r"Mexico City\.1\b", first)
    assert len(re.findall(r"[a-z.,;)’”]\d{1,2}\b", first)) >= 5


def test_the_congressional_sidebar_is_a_stacked_list(sample_built) -> None:  # type: ignore[no-untyped-def]
    first = pdf_pages(sample_built.pdf("congressional"), layout=False)[0]
    assert re.search(r"70,000 Americans killed by fentanyl", first)
    assert "Measure" not in first  # no squeezed four-column table


def test_the_congressional_docx_fits_its_columns(sample_built) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(str(sample_built.docx("congressional")))
    boxes = wide_boxes(document.element.body)
    assert all(box.width <= box.room + 1 for box in boxes)
    assert any(p.style.name == "Key Figure" for p in document.paragraphs)
    assert document.styles["Normal"].font.name == "Liberation Sans"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_congressional_docx_is_two_pages_in_libreoffice(sample_built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(sample_built.docx("congressional")),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    pages = pdf_pages(tmp_path / "congressional.pdf")
    assert len(pages) == 2
    assert "70,000 Americans killed" in " ".join(pages[0].split())


def test_docx_column_width_counts_columns() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.left_margin, section.right_margin = Inches(8.5), Inches(1), Inches(1)
    assert column_width(section._sectPr) == Inches(6.5)
    set_columns(section, 2, gap_twips=720)
    assert column_width(section._sectPr) == Inches(3)


def test_a_docx_table_wider_than_its_column_is_reported() -> None:
    """A 6.5 in table in a section of two 3 in columns: the width a renderer that ignores w:cols set."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.left_margin, section.right_margin = Inches(8.5), Inches(1), Inches(1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Measure"
    for column in table.columns:
        column.width = Inches(3.25)
    set_columns(section, 2, gap_twips=720)
    rendered = Rendered("docx", b"", boxes=wide_boxes(document.element.body))
    assert rendered.boxes[0].width == pytest.approx(6.5 * 72)
    assert rendered.boxes[0].room == pytest.approx(3 * 72)  # (6.5 in less the 0.5 in gap) / 2
    found = check_layout(_spec(), _memo(), {"docx": rendered})
    assert [d.code for d in found] == ["layout/docx-table-width"]
    assert "sets the table “Measure” 6.50 in wide in a column of 3.00 in (section 1)" in found[0].message


def test_clipped_labels() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50">'
        '<text x="100" y="20" font-size="8" text-anchor="middle">Fits</text>'
        '<text x="150" y="30" font-size="8">A label far too long to fit in what is left of the chart</text>'
        '<text x="10" y="40" font-size="8">Cut short…</text>'
        '<g transform="rotate(-90)"><text x="-300" y="10">rotated axis title</text></g>'
        "</svg>"
    )
    found = clipped_labels(svg)
    assert found == [
        "the label “A label far too long to fit in what is left of the chart” runs past the edge of the chart",
        "the label “Cut short…” is cut short",
    ]
    # A label whose own text ends in an ellipsis (a source's words, whole in the alt text) is not cut.
    assert clipped_labels(svg, alt="Events: Cut short… (2021).")[1:] == []
    assert clipped_labels(svg, alt="Events: Cut short of funds (2021).")[1:] == ["the label “Cut short…” is cut short"]


def test_page_rules_from_the_layout_summary() -> None:
    """Blank pages count only when the body goes on without a forced break; stranded headings are
    reported with their page, at their heading in the brief."""
    pages = (
        PageLayout(fill=0.3),
        PageLayout(fill=0.9, stranded=("the heading “Background” ends a page or column, apart from what it heads",)),
        PageLayout(fill=0.2),
        PageLayout(fill=0.8, forced_break=True),
    )
    found = check_layout(_spec(), _memo(), {"pdf": Rendered("pdf", b"", layout=pages)})
    assert [(d.code, d.message.split(":")[0].split(" is ")[0]) for d in found] == [
        ("layout/blank", "page 1 of the staff memo PDF"),
        ("layout/stranded", "page 2 of the staff memo PDF"),
    ]
    assert found[1].location is not None and found[1].location.line == 1
    assert {d.severity for d in found} == {"warning", "error"}
    assert set(LAYOUT) == {
        "layout/row-split", "layout/note-away", "layout/overflow", "layout/clipped-label",
        "layout/stranded", "layout/docx-table-width", "layout/blank",
    }  # fmt: skip
