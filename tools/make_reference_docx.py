"""Generate brief's built-in reference document, src/brief/templates/reference.docx.

The DOCX renderer styles every paragraph by name from this document, as pandoc does with its
reference.docx; an analyst can copy it, restyle it in Word and point an audience at the copy.
Run: python tools/make_reference_docx.py

Fonts: the styles name Times New Roman and Arial, which Word has everywhere, and whose metric
twins Liberation Serif and Liberation Sans (the fonts brief bundles and sets the PDF in, see
brief.bundled_fonts) LibreOffice substitutes where they are missing (its own replacement table, and
fontconfig's metric aliases): a DOCX then breaks its lines as the PDF does in either program. The
font table names each twin as the other's alternative.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from lxml import etree

OUT = Path(__file__).resolve().parent.parent / "src" / "brief" / "templates" / "reference.docx"
SERIF = "Times New Roman"  # metric twin: Liberation Serif, the PDF's "brief Serif"
SANS = "Arial"  # metric twin: Liberation Sans, the PDF's "brief Sans"


def main() -> int:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    styles = document.styles

    def paragraph(
        name: str, base: str | None = "Normal", size: float | None = None, bold: bool | None = None, italic: bool | None = None
    ) -> Any:
        style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base and name != base:
            style.base_style = styles[base]
        font = style.font
        if size:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold
        if italic is not None:
            font.italic = italic
        return style

    def builtin(name: str, style_id: str, kind: WD_STYLE_TYPE, size: float | None = None) -> Any:
        style = styles.add_style(name, kind)
        style.style_id = style_id
        # add_style marks every style custom; these are Word's built-ins, which Word matches by name.
        style.element.attrib.pop(qn("w:customStyle"), None)
        if size:
            style.font.size = Pt(size)
        return style

    # Memo forms set body type at 12 pt in a Times-metric serif (State and Defense alike).
    normal = paragraph("Normal", None, 12)
    normal.font.name = SERIF
    normal.paragraph_format.space_after = Pt(5)  # as memo.css spaces a memo's paragraphs
    normal.paragraph_format.line_spacing = 1.0  # single: Word's single line of a Times-metric serif is close to the PDF's 1.2

    title = paragraph("Title", "Normal", 18, True)
    title.font.name = SERIF
    title.font.color.rgb = RGBColor(0, 0, 0)
    for rule in title.element.xpath("./w:pPr/w:pBdr/w:bottom"):  # the default template's rule is blue
        rule.set(qn("w:color"), "000000")
        rule.attrib.pop(qn("w:themeColor"), None)
    paragraph("Subtitle", "Normal", 13, False, True).font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    for name, size in (("Heading 1", 12), ("Heading 2", 11.5)):
        heading = paragraph(name, "Normal", size, True)
        heading.font.name = SERIF
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(10)
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True

    banner = paragraph("Banner", "Normal", 10, True)
    banner.font.name = SANS
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    banner.paragraph_format.space_after = Pt(0)

    header = paragraph("Memo Header", "Normal")
    header.paragraph_format.space_after = Pt(2)
    # A hanging indent keeps a long SUBJECT aligned with the other values when it wraps.
    header.paragraph_format.tab_stops.add_tab_stop(Inches(1.0))
    header.paragraph_format.left_indent = Inches(1.0)
    header.paragraph_format.first_line_indent = Inches(-1.0)
    kind = paragraph("Memo Kind", "Normal", 12, True)
    kind.paragraph_format.space_after = Pt(6)
    paragraph("Memo Date", "Normal").paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table_text = paragraph("Table Text", "Normal", 10)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0

    paragraph("BLUF", "Normal")
    # The decision block: "That you ..." items, each with its Approve / Disapprove line indented
    # under it, and a split memo's note of who recommends and who opposes.
    decision = paragraph("Decision", "Normal")
    decision.paragraph_format.left_indent = Inches(0.5)
    paragraph("Decision Lead", "Normal").paragraph_format.keep_with_next = True
    paragraph("Decision Item", "Normal").paragraph_format.keep_with_next = True
    split = paragraph("Decision Split", "Normal", None, None, True)
    split.paragraph_format.left_indent = Inches(0.5)
    clearance = paragraph("Clearance", "Normal")
    clearance.paragraph_format.space_after = Pt(0)
    # Later clearances line up under the first one, after "Cleared: ".
    more = paragraph("Clearance More", "Clearance")
    more.paragraph_format.left_indent = Inches(0.72)
    source = paragraph("Source Entry", "Normal", 10)
    source.paragraph_format.left_indent = Inches(0.25)
    source.paragraph_format.first_line_indent = Inches(-0.25)
    paragraph("Caption", "Normal", 9, None, True)
    for name in ("List Bullet", "List Number"):
        paragraph(name, None)
    # The footnote styles carry Word's own built-in names (lower case in styles.xml), so notes
    # added later in Word match the ones brief writes.
    footnote = builtin("footnote text", "FootnoteText", WD_STYLE_TYPE.PARAGRAPH, size=8.5)
    footnote.base_style = normal
    footnote.paragraph_format.space_after = Pt(0)
    footnote.paragraph_format.line_spacing = 1.0
    builtin("footnote reference", "FootnoteReference", WD_STYLE_TYPE.CHARACTER).font.superscript = True
    link = builtin("Hyperlink", "Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x12, 0x3A, 0x6B)
    link.font.underline = True

    # Theme font attributes override explicit font names in Word; drop them so the names hold.
    for fonts in styles.element.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        if fonts.get(qn("w:ascii")) is None:
            fonts.set(qn("w:ascii"), SERIF)
            fonts.set(qn("w:hAnsi"), SERIF)

    # The default template ships with sample text; a reference document holds styles only.
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)
    _font_fallbacks(document)
    _drop_leftovers(document)
    document.core_properties.title = "brief reference document"
    document.core_properties.author = "brief"
    buffer = io.BytesIO()
    document.save(buffer)
    OUT.write_bytes(_fixed_zip(buffer.getvalue()))
    print(f"wrote {OUT}")
    return 0


def _fixed_zip(data: bytes) -> bytes:
    """The package with fixed entry dates, so regenerating an unchanged reference document
    leaves the committed file byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def _font_fallbacks(document: Any) -> None:
    """Describe the two fonts in the font table with their metric twins as alternative names, so
    a program without Times New Roman or Arial substitutes Liberation rather than its default."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    for name, alternative, family, panose in (
        (SERIF, "Liberation Serif", "roman", "02020603050405020304"),
        (SANS, "Liberation Sans", "swiss", "020B0604020202020204"),
    ):
        # The default template lists both already (with their character sets): add the twin to
        # that entry, first as the schema orders it; a template without it gets a new one.
        font = next((f for f in root.findall(qn("w:font")) if f.get(qn("w:name")) == name), None)
        if font is None:
            font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
            for tag, value in (("w:panose1", panose), ("w:family", family), ("w:pitch", "variable")):
                etree.SubElement(font, qn(tag), {qn("w:val"): value})
        font.insert(0, etree.Element(qn("w:altName"), {qn("w:val"): alternative}))
        for kind in font.findall(qn("w:family")):
            kind.set(qn("w:val"), family)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_leftovers(document: Any) -> None:
    """Drop what python-docx's default template carries beyond styles: a thumbnail of its own
    first page, and Word 2010's stylesWithEffects.xml, a stale copy of the styles that Word 2010
    would read instead of ours. Parts without a relationship are not saved."""
    for part in (document.part.package, document.part):
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                del part.rels[rel_id]


if __name__ == "__main__":
    sys.exit(main())
