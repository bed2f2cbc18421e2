"""Generate brief's built-in reference document, src/brief/templates/reference.docx.

The DOCX renderer styles every paragraph by name from this document, as pandoc does with its
reference.docx; an analyst can copy it, restyle it in Word and point an audience at the copy.
Run: python tools/make_reference_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "src" / "brief" / "templates" / "reference.docx"
SERIF = "Liberation Serif"
SANS = "Liberation Sans"


def main() -> int:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    styles = document.styles

    def paragraph(name: str, base: str | None = "Normal", size: float | None = None, bold: bool | None = None, italic: bool | None = None):
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

    normal = paragraph("Normal", None, 11)
    normal.font.name = SERIF
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    title = paragraph("Title", "Normal", 18, True)
    title.font.name = SERIF
    title.font.color.rgb = RGBColor(0, 0, 0)
    paragraph("Subtitle", "Normal", 13, False, True).font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    for name, size in (("Heading 1", 12), ("Heading 2", 11.5)):
        heading = paragraph(name, "Normal", size, True)
        heading.font.name = SERIF
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(10)
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True
    styles["Heading 1"].font.all_caps = True

    banner = paragraph("Banner", "Normal", 10, True)
    banner.font.name = SANS
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    banner.paragraph_format.space_after = Pt(0)

    header = paragraph("Memo Header", "Normal")
    header.paragraph_format.space_after = Pt(2)
    # A hanging indent keeps a long SUBJECT aligned with the other values when it wraps.
    header.paragraph_format.tab_stops.add_tab_stop(Inches(1.8))
    header.paragraph_format.left_indent = Inches(1.8)
    header.paragraph_format.first_line_indent = Inches(-1.8)
    kind = paragraph("Memo Kind", "Normal", 12.5, True)
    kind.paragraph_format.space_after = Pt(6)
    table_text = paragraph("Table Text", "Normal", 10)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0

    paragraph("BLUF", "Normal").paragraph_format.left_indent = Inches(0.15)
    decision = paragraph("Decision", "Normal")
    decision.paragraph_format.space_before = Pt(10)
    paragraph("Clearance", "Normal", 9).paragraph_format.space_after = Pt(1)
    source = paragraph("Source Entry", "Normal", 10)
    source.paragraph_format.left_indent = Inches(0.25)
    source.paragraph_format.first_line_indent = Inches(-0.25)
    paragraph("Caption", "Normal", 9, None, True)
    for name in ("List Bullet", "List Number"):
        paragraph(name, None)
    footnote = paragraph("Footnote Text", "Normal", 8.5)
    footnote.paragraph_format.space_after = Pt(0)
    footnote.paragraph_format.line_spacing = 1.0

    if "Footnote Reference" not in [s.name for s in styles]:
        reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        reference.font.superscript = True
    if "Hyperlink" not in [s.name for s in styles]:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x12, 0x3A, 0x6B)
        link.font.underline = True

    # Theme font attributes override explicit font names in Word; drop them so the names hold.
    from docx.oxml.ns import qn

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
    document.core_properties.title = "brief reference document"
    document.save(OUT)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
