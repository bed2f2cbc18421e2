"""Generate the congressional audience's reference document, templates/congressional/reference.docx.

The congressional brief's PDF is sans-serif, 9 pt, with navy headings, a rule under the heading
block and a shaded key-figures sidebar (templates/congressional/memo.css). Its DOCX takes the same
look from this reference document, made from the built-in one by restyling: the page margins,
the type, the heading colour, a bottom border on the line under the title, and a shaded "Key
Figure" paragraph style for the sidebar's list (``<ul class="key-figure">``).
Run: python tools/make_congressional_reference.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = ROOT / "src" / "brief" / "templates" / "reference.docx"
OUT = ROOT / "templates" / "congressional" / "reference.docx"
SANS = "Liberation Sans"  # Arial's metric twin, as in the PDF; Word substitutes Arial
NAVY = RGBColor(0x1F, 0x3B, 0x5A)
SHADE = "E9EEF4"


def main() -> int:
    sys.path.insert(0, str(ROOT / "tools"))
    from make_reference_docx import _fixed_zip  # the built-in generator's fixed-timestamp zip

    document = Document(str(BUILTIN))
    section = document.sections[0]
    section.top_margin, section.bottom_margin = Inches(0.6), Inches(0.7)
    section.left_margin = section.right_margin = Inches(0.65)
    styles = document.styles

    def restyle(name: str, size: float | None = None, **font: Any) -> Any:
        style = styles[name]
        style.font.name = SANS
        _east_asian(style, SANS)
        if size:
            style.font.size = Pt(size)
        for key, value in font.items():
            setattr(style.font, key, value)
        return style

    normal = restyle("Normal", 9)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.0
    for name, size in (("Heading 1", 10.5), ("Heading 2", 9.5), ("Heading 3", 9)):
        heading = restyle(name, size, bold=True)
        heading.font.color.rgb = NAVY if name == "Heading 1" else RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(7 if name == "Heading 1" else 5)
        heading.paragraph_format.space_after = Pt(2)
        heading.paragraph_format.keep_with_next = True
    title = restyle("Title", 16, bold=True)
    title.font.color.rgb = NAVY
    title.paragraph_format.space_after = Pt(2)
    subtitle = restyle("Subtitle", 9.5, italic=True, bold=False)
    subtitle.paragraph_format.space_after = Pt(2)
    line = restyle("Clearance", 8)  # the author and date under the title, ruled off as in the PDF
    line.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    line.paragraph_format.space_after = Pt(8)
    _border(line, "bottom", size=16, color="1F3B5A")
    for name in ("List Bullet", "List Number"):
        restyle(name, 9).paragraph_format.space_after = Pt(2)
    restyle("footnote text", 7).paragraph_format.space_after = Pt(0)
    restyle("Table Text", 8)
    restyle("Caption", 8)
    figure = styles.add_style("Key Figure", WD_STYLE_TYPE.PARAGRAPH)
    figure.base_style = normal
    figure.font.size = Pt(8.5)
    figure.paragraph_format.space_after = Pt(0)
    figure.paragraph_format.left_indent = figure.paragraph_format.right_indent = Pt(4)
    _shade(figure, SHADE)
    prepared = styles.add_style("Prepared", WD_STYLE_TYPE.PARAGRAPH)
    prepared.base_style = normal
    prepared.font.size = Pt(8)
    prepared.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    buffer = io.BytesIO()
    document.save(buffer)
    OUT.write_bytes(_fixed_zip(buffer.getvalue()))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


def _east_asian(style: Any, font: str) -> None:
    """Name the font for every script, so no run falls back to the theme's serif."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def _border(style: Any, side: str, size: int, color: str) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "3"), ("w:color", color)):
        edge.set(qn(key), value)
    borders.append(edge)


def _shade(style: Any, fill: str) -> None:
    """Shade a paragraph style; consecutive paragraphs of it read as one box, as the PDF's sidebar."""
    ppr = style.element.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    ppr.append(shading)


if __name__ == "__main__":
    raise SystemExit(main())
