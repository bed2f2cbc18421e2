"""The DOCX renderer on hand-built Memos: styles, order, tables, real footnotes, links, page
furniture, metadata, escaping, reference-document checks and byte-identical output; and the page
furniture of the sample build's DOCX files."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches
from lxml import etree

from brief.assemble.memo import BulletList, Footnote, FootnoteRef, HeaderLine, Heading, Link, Memo, Paragraph, Section, Table, Text
from brief.errors import RenderError
from brief.render import RenderJob
from brief.render.docx import BUILTIN_REFERENCE, DocxRenderer
from conftest import Built

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
EPOCH = 1714608000  # 2024-05-02 00:00:00 UTC
BANNER = "UNCLASSIFIED//SBU"
DATED = f"\t{BANNER}\tJanuary 6, 2023"  # State's first line: the banner centred, the date at the right margin
DECISION = "Approve __________ Disapprove __________ (by January 13, 2023)"
TRICKY = 'Quote <b>&amp; "ampersands" & </w:t> brackets'
REPORT = "https://example.org/report?year=2023&part=2"


def action_memo(banner: str | None = BANNER) -> Memo:
    return Memo(
        brief="border-security", audience="principal", form="action", title="Border Security Cooperation",
        subject="Renewing the bilateral security framework", date=date(2023, 1, 6), lang="en-US", banner=banner,
        caption="ACTION MEMO FOR THE SECRETARY",
        heading=(
            HeaderLine("FROM", "S/P – Jane Doe"),
            HeaderLine("SUBJECT", "(U) Renewing the bilateral security framework"),
        ),
        sections=(
            Section("bluf", None, (
                Paragraph((Text("BLUF:", bold=True), Text(" (U) Approve a renewed framework"), FootnoteRef(1), FootnoteRef(2),
                           Text(" before the summit.")), "bluf"),
            )),
            Section("decision", "Recommendation", (
                Paragraph((Text("That you approve the option “Renew the framework.”"),), "decision-item"),
                Paragraph((Text(DECISION),), "decision"),
            )),
            Section("background", "Background", (
                Paragraph((Text("(U) Seizures rose "), Text("sharply", italic=True), Text(" in 2022, per the "),
                           Link("annual report", REPORT), Text("."), FootnoteRef(3)), "lead"),
                Heading("What changed", 1),
                BulletList(((Text("(U) "), Text("Joint patrols", bold=True), Text(" resumed.")), (Text("(U) Extraditions doubled."),))),
                Table(
                    ("Measure", "2022"),
                    (((Text("Fentanyl seized (kg)"),), (Text("12,000"),)), ((Text("Extraditions"),), (Text("60"), FootnoteRef(4)))),
                    (0.7, 0.3), "(U) Key figures", ("left", "right"),
                ),
            )),
            Section("clearance", None, (
                Paragraph((Text("Drafted: S/P – J. Roe, ext. 1234"),), "clearance"),
                Paragraph((Text("Cleared: INL – M. Poe (ok)"),), "clearance"),
                Paragraph((Text("L/LEI – K. Moe (info)"),), "clearance-more"),
            )),
        ),
        footnotes=(
            Footnote(1, (Text("State Department, "), Link("“Fact Sheet”", "https://example.org/fact?a=1&b=2"), Text("."))),
            Footnote(2, (Text(TRICKY),)),
            Footnote(3, (Text("CBP, “Drug Seizure Statistics”", italic=True),)),
            Footnote(4, (Text("DOJ, “Extraditions”."),)),
        ),
    )  # fmt: skip


def public_brief() -> Memo:
    return replace(
        action_memo(banner=None), form="public", audience="public", caption=None, heading=(), author_line="Prepared by the Policy Office"
    )


def render(memo: Memo, reference: Path | None = None, epoch: int | None = EPOCH) -> bytes:
    return DocxRenderer().render(memo, RenderJob(workspace=Path("."), reference_docx=reference, source_date_epoch=epoch)).data


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def notes_by_id(data: bytes) -> dict[str, str]:
    root = part_xml(data, "word/footnotes.xml")
    return {n.get(f"{{{W}}}id"): "".join(n.itertext()).strip() for n in root.xpath("w:footnote[not(@w:type)]", namespaces=NS)}


def visible(element: etree._Element) -> str:
    # python-docx's element classes override `text`, which confuses lxml's itertext().
    return "".join(element.xpath(".//w:t/text()"))


def texts_and_styles(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.text]


def test_action_memo_body_in_order_with_named_styles() -> None:
    # A State action memo: caption, FROM and SUBJECT, a run-in BLUF, then "That you ..." with its
    # own Approve / Disapprove line, the background, and one office per drafted or cleared line.
    assert texts_and_styles(open_docx(render(action_memo()))) == [
        ("Memo Kind", "ACTION MEMO FOR THE SECRETARY"),
        ("Memo Header", "FROM:\tS/P – Jane Doe"),
        ("Memo Header", "SUBJECT:\t(U) Renewing the bilateral security framework"),
        ("BLUF", "BLUF: (U) Approve a renewed framework, before the summit."),  # a comma separates adjacent calls
        ("Heading 1", "Recommendation"),
        ("Decision Item", "That you approve the option “Renew the framework.”"),
        ("Decision", DECISION),
        ("Heading 1", "Background"),
        ("Normal", "(U) Seizures rose sharply in 2022, per the annual report."),
        ("Heading 2", "What changed"),
        ("List Bullet", "(U) Joint patrols resumed."),
        ("List Bullet", "(U) Extraditions doubled."),
        ("Caption", "(U) Key figures"),
        ("Clearance", "Drafted: S/P – J. Roe, ext. 1234"),
        ("Clearance", "Cleared: INL – M. Poe (ok)"),
        ("Clearance More", "L/LEI – K. Moe (info)"),
    ]


def test_heading_block_has_no_rule_and_runs_keep_their_formatting() -> None:
    # State's form draws no rule under the heading block: neither the paragraphs nor their styles carry a border.
    document = open_docx(render(action_memo()))
    heading = [p for p in document.paragraphs if p.style.name in ("Memo Kind", "Memo Header")]
    assert [p.style.name for p in heading] == ["Memo Kind", "Memo Header", "Memo Header"]
    for paragraph in heading:
        assert not paragraph._p.xpath("./w:pPr/w:pBdr")
        assert not paragraph.style.element.xpath("./w:pPr/w:pBdr")
    assert [(r.text, r.bold) for r in heading[1].runs] == [("FROM:", True), ("\tS/P – Jane Doe", None)]
    bluf = next(p for p in document.paragraphs if p.style.name == "BLUF")
    assert [r.text for r in bluf.runs if r.bold] == ["BLUF:"]
    lead = next(p for p in document.paragraphs if p.text.startswith("(U) Seizures"))
    assert [r.text for r in lead.runs if r.italic] == ["sharply"]
    bullet = next(p for p in document.paragraphs if p.text.startswith("(U) Joint"))
    assert [r.text for r in bullet.runs if r.bold] == ["Joint patrols"]


def test_public_brief_has_title_subtitle_and_dated_byline() -> None:
    document = open_docx(render(public_brief()))
    assert texts_and_styles(document)[:3] == [
        ("Title", "Border Security Cooperation"),
        ("Subtitle", "Renewing the bilateral security framework"),
        ("Clearance", "Prepared by the Policy Office · January 6, 2023"),
    ]
    assert not [p for p in document.paragraphs if p.style.name in ("Memo Header", "Memo Kind")]


def test_unknown_paragraph_class_uses_a_title_cased_style_when_the_reference_has_one(tmp_path: Path) -> None:
    memo = replace(action_memo(), sections=(Section("s", None, (Paragraph((Text("Point"),), "key-point"),)),), footnotes=())
    assert texts_and_styles(open_docx(render(memo)))[-1] == ("Normal", "Point")
    reference = docx.Document(str(BUILTIN_REFERENCE))
    reference.styles.add_style("Key Point", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    reference.save(str(tmp_path / "ref.docx"))
    assert texts_and_styles(open_docx(render(memo, tmp_path / "ref.docx")))[-1] == ("Key Point", "Point")


def test_table_cells_header_alignment_and_widths_on_columns_and_cells() -> None:
    document = open_docx(render(action_memo()))
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Measure", "2022"],
        ["Fentanyl seized (kg)", "12,000"],
        ["Extraditions", "60"],
    ]
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    text_width = Inches(6.5)  # US Letter less two 1-inch margins
    expected = [int(text_width * 0.7), int(text_width * 0.3)]
    assert [c.width for c in table.columns] == pytest.approx(expected, abs=700)  # gridCol is in twips
    for row in table.rows:
        assert [cell.width for cell in row.cells] == pytest.approx(expected, abs=700)
    assert table.rows[1].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert table._tbl.xpath("./w:tblPr/w:tblLayout/@w:type") == ["fixed"]


def test_footnotes_are_real_word_footnotes() -> None:
    data = render(action_memo())
    package = zipfile.ZipFile(io.BytesIO(data))
    types = package.read("[Content_Types].xml").decode()
    assert (
        'PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"' in types
    )
    rels = package.read("word/_rels/document.xml.rels").decode()
    assert 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"' in rels
    root = part_xml(data, "word/footnotes.xml")
    separators = [(n.get(f"{{{W}}}type"), n.get(f"{{{W}}}id")) for n in root.xpath("w:footnote[@w:type]", namespaces=NS)]
    assert separators == [("separator", "0"), ("continuationSeparator", "1")]
    assert part_xml(data, "word/settings.xml").xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["0", "1"]

    body = part_xml(data, "word/document.xml")
    refs = body.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == ["2", "3", "4", "5"]
    assert set(body.xpath("//w:r[w:footnoteReference]/w:rPr/w:rStyle/@w:val", namespaces=NS)) == {"FootnoteReference"}
    assert notes_by_id(data) == {
        "2": "State Department, “Fact Sheet”.",
        "3": TRICKY,
        "4": "CBP, “Drug Seizure Statistics”",
        "5": "DOJ, “Extraditions”.",
    }
    for note in root.xpath("w:footnote[not(@w:type)]", namespaces=NS):
        (p,) = note.xpath("w:p", namespaces=NS)
        assert p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["FootnoteText"]
        assert p.xpath("w:r[1]/w:footnoteRef", namespaces=NS)


def test_hyperlinks_are_external_relationships_in_body_and_footnotes() -> None:
    data = render(action_memo())
    document = open_docx(data)
    (link,) = document.element.body.xpath(".//w:hyperlink")
    assert visible(link) == "annual report"
    rel = document.part.rels[link.get(f"{{{R}}}id")]
    assert rel.is_external and rel.target_ref == REPORT
    note_link = part_xml(data, "word/footnotes.xml").xpath("//w:hyperlink", namespaces=NS)[0]
    rels = part_xml(data, "word/_rels/footnotes.xml.rels")
    (target,) = [r for r in rels if r.get("Id") == note_link.get(f"{{{R}}}id")]
    assert (target.get("Target"), target.get("TargetMode")) == ("https://example.org/fact?a=1&b=2", "External")


def test_banner_in_header_and_footer_with_page_fields() -> None:
    section = open_docx(render(action_memo())).sections[0]
    assert [p.text for p in section.header.paragraphs] == [BANNER]
    assert [p.style.name for p in section.header.paragraphs] == ["Banner"]
    assert section.footer.paragraphs[0].text == BANNER
    footer_text = visible(section.footer._element)
    assert footer_text == f"{BANNER}Page 1 of 1"
    instructions = section.footer._element.xpath(".//w:fldSimple/@w:instr")
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]


def test_public_footer_shows_only_page_numbers() -> None:
    section = open_docx(render(public_brief())).sections[0]
    assert visible(section.header._element) == ""
    assert visible(section.footer._element) == "Page 1 of 1"


def test_each_ordered_list_counts_from_one() -> None:
    lists = tuple(BulletList(((Text(f"{n}a"),), (Text(f"{n}b"),)), ordered=True) for n in (1, 2))
    memo = replace(action_memo(), sections=(Section("s", "S", lists),), footnotes=())
    document = open_docx(render(memo))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0] for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = document.part.numbering_part.element
    for num_id in set(num_ids):
        assert numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_metadata_and_language() -> None:
    document = open_docx(render(action_memo()))
    props = document.core_properties
    assert (props.title, props.subject, props.language, props.author, props.revision) == (
        "Border Security Cooperation", "Renewing the bilateral security framework", "en-US", "brief", 1,
    )  # fmt: skip
    moment = datetime.fromtimestamp(EPOCH, UTC)
    assert props.created == props.modified == props.last_printed == moment
    assert document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["en-US"]
    assert open_docx(render(action_memo(), epoch=None)).core_properties.created == datetime(2023, 1, 6, tzinfo=UTC)


def test_renders_are_byte_identical_with_fixed_zip_entries() -> None:
    first = render(action_memo())
    assert first == render(action_memo())
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(2024, 5, 2, 0, 0, 0)}
    assert render(action_memo(), epoch=None) == render(action_memo(), epoch=None)


def test_special_characters_round_trip_and_control_characters_are_dropped() -> None:
    memo = replace(action_memo(), sections=(Section("s", TRICKY, (Paragraph((Text(f"{TRICKY}\x0c a\tb"),)),)),))
    data = render(memo)
    assert notes_by_id(data)["3"] == TRICKY
    document = open_docx(data)
    assert ("Heading 1", TRICKY) in texts_and_styles(document)
    assert ("Normal", f"{TRICKY} a\tb") in texts_and_styles(document)


def test_reference_with_a_footnotes_part_is_reused_without_its_notes(tmp_path: Path) -> None:
    reference = tmp_path / "ref.docx"
    reference.write_bytes(render(action_memo()))
    memo = replace(
        action_memo(), sections=(Section("s", "S", (Paragraph((Text("New"), FootnoteRef(1))),)),), footnotes=(Footnote(1, (Text("Only"),)),)
    )
    data = render(memo, reference)
    assert notes_by_id(data) == {"2": "Only"}
    # The old notes' links went with them; the new note has none, so no relationships are left.
    assert "word/_rels/footnotes.xml.rels" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert ("Normal", "New") in texts_and_styles(open_docx(data))
    document = open_docx(data)
    assert DECISION not in [p.text for p in document.paragraphs]
    # The reference's own banner and page numbers are replaced, not repeated.
    assert visible(document.sections[0].footer._element) == f"{BANNER}Page 1 of 1"


def test_reference_document_missing_a_style(tmp_path: Path) -> None:
    reference = docx.Document(str(BUILTIN_REFERENCE))
    reference.styles["Decision"].name = "Choice"
    path = tmp_path / "ref.docx"
    reference.save(str(path))
    with pytest.raises(RenderError) as error:
        render(action_memo(), path)
    assert str(error.value) == f"{path}: error: the reference document lacks the style 'Decision' [render/reference-docx]"


def test_reference_document_missing_several_styles_or_of_the_wrong_type(tmp_path: Path) -> None:
    reference = docx.Document(str(BUILTIN_REFERENCE))
    reference.styles["BLUF"].name = "Summary"
    reference.styles["Banner"].name = "Marking"
    reference.save(str(tmp_path / "two.docx"))
    with pytest.raises(RenderError, match=r"lacks the styles 'Banner', 'BLUF'"):
        render(action_memo(), tmp_path / "two.docx")
    reference = docx.Document(str(BUILTIN_REFERENCE))
    reference.styles["footnote reference"].name = "Unused"
    reference.styles.add_style("Footnote Reference", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    reference.save(str(tmp_path / "type.docx"))
    with pytest.raises(RenderError, match=r"'Footnote Reference' .* is a paragraph style; brief needs a character style"):
        render(action_memo(), tmp_path / "type.docx")
    with pytest.raises(RenderError, match="does not exist"):
        render(action_memo(), tmp_path / "absent.docx")


@pytest.mark.parametrize("part", ["pgSz", "pgMar"])
def test_reference_document_without_a_page_size_or_margins_is_a_located_error(tmp_path: Path, part: str) -> None:
    # Tables and charts are sized to the text width; without w:pgSz or w:pgMar python-docx
    # reads None, which once failed deep in the render with a bare TypeError.
    reference = docx.Document(str(BUILTIN_REFERENCE))
    for element in reference.element.body.xpath(f".//w:sectPr/w:{part}"):
        element.getparent().remove(element)
    path = tmp_path / "ref.docx"
    reference.save(str(path))
    with pytest.raises(RenderError) as error:
        render(action_memo(), path)
    what = "page size (w:pgSz)" if part == "pgSz" else "margins (w:pgMar)"
    assert str(error.value) == f"{path}: error: the reference document sets no {what} for its last section [render/reference-docx]"


def test_docx_text_is_what_a_reader_of_the_file_reads() -> None:
    # The memo rules read this text instead of opening the DOCX again: it must be the same.
    result = DocxRenderer().render(action_memo(), RenderJob(workspace=Path("."), source_date_epoch=EPOCH))
    reopened = open_docx(result.data)
    parts = [p.text for p in reopened.paragraphs]
    parts += [cell.text for table in reopened.tables for row in table.rows for cell in row.cells]
    for section in reopened.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    assert result.text == "\n".join(parts)
    assert BANNER in (result.text or "") and "Approve" in (result.text or "")


def test_a_call_to_a_missing_footnote_is_an_error() -> None:
    memo = replace(action_memo(), footnotes=action_memo().footnotes[:3])
    with pytest.raises(RenderError, match="calls footnote 4 with no footnote of that number"):
        render(memo)


def page_fields(part: Any) -> list[str]:  # a python-docx header or footer
    return [instruction.strip() for instruction in part._element.xpath(".//w:fldSimple/@w:instr")]


def tab_stops(paragraph: Any) -> list[tuple[Any, int]]:
    return [(stop.alignment, int(stop.position)) for stop in paragraph.paragraph_format.tab_stops]


@pytest.mark.parametrize("form", ["action", "information"])
def test_memo_first_page_shows_the_banner_and_date_but_no_page_number(form: str) -> None:
    section = open_docx(render(replace(action_memo(), form=form))).sections[0]
    assert section.different_first_page_header_footer
    # State dates a memo on its first line: the banner centred, the date at the right margin.
    (top,) = section.first_page_header.paragraphs
    assert (top.style.name, top.text) == ("Banner", DATED)
    width = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
    assert tab_stops(top) == [(WD_TAB_ALIGNMENT.CENTER, width // 2), (WD_TAB_ALIGNMENT.RIGHT, width)]
    assert [r.bold for r in top.runs if r.text == "January 6, 2023"] == [False]  # the banner is bold, the date is not
    assert [(p.style.name, p.text) for p in section.first_page_footer.paragraphs] == [("Banner", BANNER)]
    assert page_fields(section.first_page_footer) == []
    # Later pages keep the banner, undated, and "Page X of Y".
    assert [p.text for p in section.header.paragraphs] == [BANNER]
    assert visible(section.footer._element) == f"{BANNER}Page 1 of 1"
    assert page_fields(section.footer) == ["PAGE", "NUMPAGES"]


def test_defense_memo_dates_under_its_centred_caption_not_on_the_banner_line() -> None:
    memo = replace(action_memo(), caption="ACTION MEMO", convention="defense")
    document = open_docx(render(memo))
    section = document.sections[0]
    assert [(p.style.name, p.text) for p in section.first_page_header.paragraphs] == [("Banner", BANNER)]
    kind, when = document.paragraphs[:2]
    assert (kind.style.name, kind.text, when.style.name, when.text) == ("Memo Kind", "ACTION MEMO", "Memo Date", "January 6, 2023")
    assert kind.alignment == when.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


def test_memo_without_a_banner_keeps_its_date_and_an_empty_footer_paragraph_on_its_first_page() -> None:
    section = open_docx(render(action_memo(banner=None))).sections[0]
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == ["\t\tJanuary 6, 2023"]
    assert [p.text for p in section.first_page_footer.paragraphs] == [""]
    assert page_fields(section.first_page_footer) == []
    assert visible(section.footer._element) == "Page 1 of 1"


def test_public_brief_has_one_header_and_footer_for_every_page(tmp_path: Path) -> None:
    # A past action memo as the reference brings first-page parts that a public brief must shed,
    # banner and all.
    reference = tmp_path / "ref.docx"
    reference.write_bytes(render(action_memo()))
    for data in (render(public_brief()), render(public_brief(), reference)):
        section = open_docx(data).sections[0]
        assert not section.different_first_page_header_footer
        # Read before the content: python-docx creates a missing part when its paragraphs are read.
        assert section.first_page_header.is_linked_to_previous and section.first_page_footer.is_linked_to_previous
        assert page_fields(section.footer) == ["PAGE", "NUMPAGES"]
        package = zipfile.ZipFile(io.BytesIO(data))
        parts = [name for name in package.namelist() if name.startswith(("word/header", "word/footer"))]
        assert len(parts) == 2
        assert not any(BANNER.encode() in package.read(name) for name in parts)


@pytest.mark.parametrize("audience", ["principal", "staff"])
def test_built_memos_number_pages_from_page_two(sample_built: Built, audience: str) -> None:
    section = docx.Document(str(sample_built.docx(audience))).sections[0]
    assert section.different_first_page_header_footer
    # The sample is UNCLASSIFIED//SBU, dated January 6, 2023: the date shares the banner's first line.
    assert [p.text for p in section.first_page_header.paragraphs] == ["\tUNCLASSIFIED//SBU\tJanuary 6, 2023"]
    assert [p.text for p in section.first_page_footer.paragraphs] == ["UNCLASSIFIED//SBU"]
    assert [p.text for p in section.header.paragraphs] == ["UNCLASSIFIED//SBU"]
    assert page_fields(section.first_page_footer) == []
    assert page_fields(section.footer) == ["PAGE", "NUMPAGES"]


def test_built_public_brief_has_no_first_page_of_its_own(sample_built: Built) -> None:
    section = docx.Document(str(sample_built.docx("public"))).sections[0]
    assert not section.different_first_page_header_footer
    assert section.first_page_footer.is_linked_to_previous
    assert page_fields(section.footer) == ["PAGE", "NUMPAGES"]
    assert visible(section.footer._element) == "Page 1 of 1"


def test_a_lead_in_in_bold_keeps_with_the_list_under_it() -> None:
    blocks = (
        Paragraph((Text("Arguments for", bold=True),)),
        BulletList(((Text("(U) Seizures rose in 2022."),),)),
        Paragraph((Text("BLUF:", bold=True), Text(" (U) Approve a renewed framework.")), "bluf"),
    )
    memo = replace(action_memo(), sections=(Section("s", None, blocks),), footnotes=())
    kept = {p.text: bool(p.paragraph_format.keep_with_next) for p in open_docx(render(memo)).paragraphs}
    assert kept["Arguments for"] is True
    assert kept["BLUF: (U) Approve a renewed framework."] is False  # a lead-in word, then the paragraph's own text


def test_built_pages_keep_lead_ins_with_their_lists_and_note_text_beside_its_back_link(sample_built: Built) -> None:
    page = (sample_built.out / "congressional.html").read_text(encoding="utf-8")
    assert '<p class="body lead-in"><strong>Arguments for</strong></p>' in page
    # a space before the hidden back-link made WeasyPrint break a note after its first word
    assert re.search(r'<li id="fn\d+">[^<]*\S<a href="#fnref\d+" aria-label="Back to text"> ↩</a>', page)
    assert not re.search(r'\s<a href="#fnref\d+" aria-label="Back to text">', page)
    lines = subprocess.run(["pdftotext", "-layout", str(sample_built.pdf("congressional")), "-"], capture_output=True, text=True).stdout
    assert not re.search(r"^\s*\d+\. The\s*$|\d+\. The {4,}\d+\.", lines, re.M)
