"""The DOCX renderer on a hand-built Memo: styles, real footnotes, links, escaping, determinism."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from lxml import etree

from brief.errors import RenderError
from brief.memo import BulletList, Footnote, FootnoteRef, HeaderLine, Link, Memo, Paragraph, Section, Table, Text
from brief.render import RenderJob
from brief.render.docx import BUILTIN_REFERENCE, DocxRenderer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRICKY = 'Quote <b>&amp; "ampersands" & </w:t> brackets'


def memo(banner: str | None = "SECRET//NOFORN") -> Memo:
    return Memo(
        brief="b", audience="staff", form="information", title="T", subject="S", date=date(2024, 5, 2), lang="en-US",
        banner=banner, heading=(HeaderLine("MEMORANDUM FOR", "THE DIRECTOR"), HeaderLine("SUBJECT", "S")),
        sections=(
            Section("bluf", "Bottom Line", (Paragraph((Text("Act now"), FootnoteRef(1), FootnoteRef(2), Text(".")), "bluf"),)),
            Section("facts", "Facts", (
                BulletList(((Text("one", bold=True),), (Text("two"), FootnoteRef(3)))),
                Table(("Measure", "Value"), (((Text("Seizures"),), (Text("340"),)),), (0.75, 0.25), None, ("left", "right")),
                Paragraph((Text("Approve ____"),), "decision"),
            )),
        ),
        footnotes=(
            Footnote(1, (Text("First, "), Link("example.org", "https://example.org/a?b=1&c=2"), Text("."))),
            Footnote(2, (Text(TRICKY),)),
            Footnote(3, (Text("Third", italic=True),)),
        ),
    )  # fmt: skip


def render(m: Memo, reference: Path | None = None) -> bytes:
    return DocxRenderer().render(m, RenderJob(workspace=Path("."), reference_docx=reference, source_date_epoch=1714608000))


def footnotes(data: bytes) -> dict[str, str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml"))
    return {n.get(f"{W}id"): "".join(n.itertext()).strip() for n in root.findall(f"{W}footnote") if n.get(f"{W}type") is None}


def test_paragraph_styles_and_text() -> None:
    document = docx.Document(io.BytesIO(render(memo())))
    found = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Memo Header", "MEMORANDUM FOR:\tTHE DIRECTOR") in found
    assert ("Heading 1", "Bottom Line") in found
    assert ("BLUF", "Act now,.") in found  # a superscript comma separates adjacent calls
    assert ("List Bullet", "one") in found and ("List Bullet", "two") in found
    assert ("Decision", "Approve ____") in found


def test_real_footnotes_with_links_and_escaped_text() -> None:
    data = render(memo())
    notes = footnotes(data)
    assert notes == {"1": "First, example.org.", "2": TRICKY, "3": "Third"}
    document = docx.Document(io.BytesIO(data))
    refs = document.element.body.xpath(".//w:footnoteReference/@w:id")
    assert refs == ["1", "2", "3"]
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = package.read("word/_rels/footnotes.xml.rels").decode()
    assert 'Target="https://example.org/a?b=1&amp;c=2"' in rels and 'TargetMode="External"' in rels
    assert b"<w:hyperlink" in package.read("word/footnotes.xml")


def test_table_widths_on_columns_and_cells() -> None:
    document = docx.Document(io.BytesIO(render(memo())))
    table = document.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["Seizures", "340"]
    widths = [col.width for col in table.columns]
    assert widths[0] == pytest.approx(3 * widths[1], rel=0.01)
    assert table.rows[1].cells[0].width == widths[0]


def test_banner_and_page_fields_in_header_and_footer() -> None:
    document = docx.Document(io.BytesIO(render(memo())))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "SECRET//NOFORN"
    assert section.footer.paragraphs[0].text == "SECRET//NOFORN"
    instructions = section.footer._element.xpath(".//w:fldSimple/@w:instr")
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]
    public = docx.Document(io.BytesIO(render(memo(banner=None))))
    assert "SECRET" not in public.sections[0].header.paragraphs[0].text


def test_renders_are_byte_identical() -> None:
    assert render(memo()) == render(memo())


def test_reference_document_missing_a_style(tmp_path: Path) -> None:
    reference = docx.Document(str(BUILTIN_REFERENCE))
    reference.styles["Decision"].name = "Choice"
    path = tmp_path / "ref.docx"
    reference.save(str(path))
    with pytest.raises(RenderError) as error:
        render(memo(), path)
    assert str(error.value) == f"{path}: error: the reference document lacks the style 'Decision'"
