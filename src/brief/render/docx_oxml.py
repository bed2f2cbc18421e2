"""OXML helpers for what python-docx has no API for: footnotes, hyperlinks and fields.

Every element is built with lxml through python-docx's ``OxmlElement``, and text goes in as
element text, never spliced into XML strings, so source text cannot inject markup.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

_EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


class Footnotes:
    """The document's footnotes part (/word/footnotes.xml), created when the reference
    document has none; notes a reference document carries besides separators are dropped."""

    def __init__(self, document: Any) -> None:
        main = document.part
        existing = next((rel.target_part for rel in main.rels.values() if rel.reltype == RT.FOOTNOTES), None)
        if existing is not None:
            self.root = parse_xml(existing.blob)
            for note in self.root.findall(qn("w:footnote")):
                if note.get(qn("w:type")) not in ("separator", "continuationSeparator"):
                    self.root.remove(note)
            self.part = existing
        else:
            self.root = parse_xml(_EMPTY_FOOTNOTES)
            self.part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, b"", main.package)
            main.relate_to(self.part, RT.FOOTNOTES)
        self._settings(document)

    @staticmethod
    def _settings(document: Any) -> None:
        # Word expects settings to name the separator notes when a footnotes part exists.
        settings = document.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            pr = OxmlElement("w:footnotePr")
            for note_id in ("-1", "0"):
                ref = OxmlElement("w:footnote")
                ref.set(qn("w:id"), note_id)
                pr.append(ref)
            settings.append(pr)

    def add(self, note_id: int) -> Any:
        """A new note holding one empty paragraph in "Footnote Text" that starts with the
        footnote mark; returns the paragraph element to fill."""
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "FootnoteText")
        ppr.append(style)
        p.append(ppr)
        mark = _styled_run("FootnoteReference")
        mark.append(OxmlElement("w:footnoteRef"))
        p.append(mark)
        space = OxmlElement("w:r")
        space.append(text_element(" "))
        p.append(space)
        note.append(p)
        self.root.append(note)
        return p

    def save(self) -> None:
        from lxml import etree

        self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styled_run(style_id: str) -> Any:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id)
    rpr.append(style)
    run.append(rpr)
    return run


def text_element(text: str) -> Any:
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    return t


def footnote_reference(note_id: int, style_id: str) -> Any:
    """A run that calls footnote `note_id`."""
    run = _styled_run(style_id)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    run.append(ref)
    return run


def text_run(text: str, bold: bool = False, italic: bool = False, style_id: str | None = None) -> Any:
    run = _styled_run(style_id) if style_id else OxmlElement("w:r")
    if bold or italic:
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            run.append(rpr)
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
    run.append(text_element(text))
    return run


def hyperlink(part: Any, url: str, text: str, style_id: str | None) -> Any:
    """A w:hyperlink to an external URL, relating it from `part` (document or footnotes)."""
    rel_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.append(text_run(text, style_id=style_id))
    return link


def field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) to a python-docx paragraph."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instruction} ")
    fld.append(text_run(placeholder))
    paragraph._p.append(fld)


def bottom_border(paragraph: Any) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
