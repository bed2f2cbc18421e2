"""OXML helpers for the DOCX renderer: what python-docx has no API for (footnotes, hyperlinks,
fields, list restarts, borders) and the run builder the renderer shares between parts.

Stage: render (a helper of :mod:`brief.render.docx`). Consumes python-docx objects and plain
strings; produces lxml elements appended to the document. Every element is built with
python-docx's ``OxmlElement`` and text goes in as element text or attribute values, never spliced
into XML strings, so source text cannot inject markup.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from lxml import etree

from brief.untrusted import xml_safe

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
SEPARATORS = ("separator", "continuationSeparator")
# Children of w:settings that must follow w:footnotePr (CT_Settings is a strict sequence).
_AFTER_FOOTNOTE_PR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


_PPR_SEQUENCE = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)  # fmt: skip


def element(tag: str, **attrs: str) -> Any:
    """A new w: element with w: attributes (``val="x"`` sets ``w:val``)."""
    new = OxmlElement(tag)
    for key, value in attrs.items():
        new.set(qn(f"w:{key}"), value)
    return new


def styled_run(style_id: str | None = None, bold: bool = False, italic: bool = False) -> Any:
    """An empty w:r with an optional character style and direct bold/italic."""
    run = OxmlElement("w:r")
    if style_id or bold or italic:
        rpr = OxmlElement("w:rPr")
        if style_id:
            rpr.append(element("w:rStyle", val=style_id))
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        run.append(rpr)
    return run


def text_run(text: str, bold: bool = False, italic: bool = False, style_id: str | None = None) -> Any:
    """A w:r holding `text`; tabs and line breaks become w:tab and w:br, as Word writes them."""
    run = styled_run(style_id, bold, italic)
    for piece in re.split(r"(\t|\n)", xml_safe(text)):
        if piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece == "\n":
            run.append(OxmlElement("w:br"))
        elif piece:
            t = OxmlElement("w:t")
            t.text = piece
            t.set(qn("xml:space"), "preserve")
            run.append(t)
    return run


def footnote_reference(note_id: int, style_id: str) -> Any:
    """A run that calls footnote `note_id`."""
    run = styled_run(style_id)
    run.append(element("w:footnoteReference", id=str(note_id)))
    return run


def hyperlink(part: Any, url: str, text: str, style_id: str | None) -> Any:
    """A w:hyperlink to an external URL, related from `part` (the document or the footnotes)."""
    rel_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.append(text_run(text, style_id=style_id))
    return link


def field(paragraph: Any, instruction: str, placeholder: str, bold: bool | None = None) -> None:
    """Append a simple field (PAGE, NUMPAGES) to a python-docx paragraph; Word and LibreOffice
    replace the placeholder when they lay the page out. `bold` False turns off a bold style."""
    fld = element("w:fldSimple", instr=f" {instruction} ")
    run = text_run(placeholder)
    if bold is not None:
        rpr = OxmlElement("w:rPr")
        rpr.append(element("w:b", val="1" if bold else "0"))
        run.insert(0, rpr)
    fld.append(run)
    paragraph._p.append(fld)


def bottom_border(paragraph: Any) -> None:
    """A rule under the paragraph (the line under the memo heading block)."""
    borders = OxmlElement("w:pBdr")
    borders.append(element("w:bottom", val="single", sz="8", space="4", color="000000"))
    _insert_in_ppr(paragraph._p.get_or_add_pPr(), borders)


def repeat_header_row(row: Any) -> None:
    """Mark a table row as the header row: Word repeats it on each page and screen readers
    announce it as column headers."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def restart_numbering(document: Any, style: Any) -> int | None:
    """A new w:num that restarts the numbering `style` uses at 1, so each ordered list counts
    from 1 rather than continuing the previous one. None when the style has no numbering."""
    num_ids = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if not num_ids:
        return None
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath(f"./w:num[@w:numId='{int(num_ids[0])}']/w:abstractNumId/@w:val")
    if not abstract:
        return None
    num_id = max((int(n) for n in numbering.xpath("./w:num/@w:numId")), default=0) + 1
    num = element("w:num", numId=str(num_id))
    num.append(element("w:abstractNumId", val=abstract[0]))
    override = element("w:lvlOverride", ilvl="0")
    override.append(element("w:startOverride", val="1"))
    num.append(override)
    numbering.append(num)
    return num_id


def set_numbering(paragraph: Any, num_id: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def _insert_in_ppr(ppr: Any, child: Any) -> None:
    # w:pPr is a strict sequence; Word rejects a document whose children are out of order.
    successors = _PPR_SEQUENCE[_PPR_SEQUENCE.index(child.tag.split("}")[1]) + 1 :]
    ppr.insert_element_before(child, *(f"w:{tag}" for tag in successors))


def set_columns(section: Any, count: int, gap_twips: int) -> None:
    """Lay a section's text out in `count` columns (python-docx has no API for it)."""
    sect_pr = section._sectPr
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), str(gap_twips))


def set_language(document: Any, lang: str) -> None:
    """Set the proofing language of the whole document in the style defaults (Word and
    LibreOffice read w:lang, not the core properties, for spelling and hyphenation)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_element = rpr.find(qn("w:lang"))
    if lang_element is None:
        lang_element = OxmlElement("w:lang")
        rpr.append(lang_element)
    lang_element.set(qn("w:val"), lang)


class Footnotes:
    """The document's footnotes part (/word/footnotes.xml). A reference document's own part is
    reused with its separators, dropping its notes; otherwise one is created with Word's
    separator notes 0 and 1. Real notes take ids from `first_id` up."""

    def __init__(self, document: Any) -> None:
        main = document.part
        existing = next((rel.target_part for rel in main.rels.values() if rel.reltype == RT.FOOTNOTES), None)
        if existing is not None:
            self.part = existing
            self.root = etree.fromstring(existing.blob)
            for note in self.root.findall(qn("w:footnote")):
                if note.get(qn("w:type")) not in SEPARATORS:
                    self.root.remove(note)
            # Links of the dropped notes would linger in the part's relationships.
            for rel_id, rel in list(existing.rels.items()):
                if rel.reltype == RT.HYPERLINK:
                    del existing.rels[rel_id]
        else:
            self.part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, b"", main.package)
            main.relate_to(self.part, RT.FOOTNOTES)
            self.root = OxmlElement("w:footnotes", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})
            for note_id, kind in enumerate(SEPARATORS):
                note = element("w:footnote", type=kind, id=str(note_id))
                p = OxmlElement("w:p")
                ppr = OxmlElement("w:pPr")
                ppr.append(element("w:spacing", after="0", line="240", lineRule="auto"))
                p.append(ppr)
                run = OxmlElement("w:r")
                run.append(OxmlElement(f"w:{kind}"))
                p.append(run)
                note.append(p)
                self.root.append(note)
        separator_ids = [int(n.get(qn("w:id")) or 0) for n in self.root.findall(qn("w:footnote"))]
        self.first_id = max(separator_ids, default=0) + 1
        self._settings(document, separator_ids)

    @staticmethod
    def _settings(document: Any, separator_ids: list[int]) -> None:
        # Word names the separator notes in settings.xml whenever a footnotes part exists.
        settings = document.settings.element
        if settings.find(qn("w:footnotePr")) is not None or not separator_ids:
            return
        pr = OxmlElement("w:footnotePr")
        for note_id in separator_ids:
            pr.append(element("w:footnote", id=str(note_id)))
        settings.insert_element_before(pr, *_AFTER_FOOTNOTE_PR)

    def add(self, note_id: int, text_style_id: str, mark_style_id: str) -> Any:
        """A new note holding one "Footnote Text" paragraph that starts with the footnote mark
        and a space; returns the paragraph element for the caller to fill with runs."""
        note = element("w:footnote", id=str(note_id))
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ppr.append(element("w:pStyle", val=text_style_id))
        p.append(ppr)
        mark = styled_run(mark_style_id)
        mark.append(OxmlElement("w:footnoteRef"))
        p.append(mark)
        p.append(text_run(" "))
        note.append(p)
        self.root.append(note)
        return p

    def save(self) -> None:
        # The part is a plain python-docx Part (it has no footnotes class), so its XML is
        # serialised into the blob it writes.
        self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def normalise_zip(data: bytes, epoch: int | None) -> bytes:
    """Rewrite the package with fixed entry timestamps and order: python-docx stamps the time
    of saving into every zip entry, which would make each build differ."""
    stamp = (1980, 1, 1, 0, 0, 0)
    if epoch is not None:
        moment = datetime.fromtimestamp(max(epoch, 315532800), UTC)  # zip dates start in 1980
        stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        # [Content_Types].xml stays first: some readers sniff the package from the first entry.
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
