"""DOCX renderer: the Memo as a Word document, styled by name from a reference document.

Stage: render. Consumes a Memo and a reference .docx (the audience's, else the built-in
``templates/reference.docx``); produces DOCX bytes and the text Word shows of them (for
verification). Citations become real Word footnotes (or a
numbered Notes list after the body, for an audience that asks for endnotes), the
banner sits in the header and footer of every page with "Page X of Y" fields (except on the
first page of an action or information memo, which shows no number), and the zip is written
with fixed timestamps and order so two renders of one Memo are byte-identical.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu

from brief.assemble.memo import Block, BulletList, Chart, FootnoteRef, Heading, Inline, Link, Memo, Paragraph, Table, Text
from brief.errors import Location, RenderError
from brief.render import Rendered, RenderJob
from brief.render import docx_oxml as ox
from brief.render.docx_layout import column_width, wide_boxes

# Paragraph.style classes -> Word paragraph styles. Other classes use a paragraph style named
# after the class, title-cased ("key-point" -> "Key Point"), when the reference has one, else Normal.
PARAGRAPH_STYLES = {
    "body": "Normal",
    "lead": "Normal",
    "bluf": "BLUF",
    "decision": "Decision",
    "clearance": "Clearance",
    "sources": "Source Entry",
    "caption": "Caption",
}
_P, _C, _T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
# Every style a render may use, with its type. Word silently ignores an unknown style, so a
# reference document that lacks one fails before anything is written.
REQUIRED_STYLES = {
    "Normal": _P, "Title": _P, "Subtitle": _P, "Heading 1": _P, "Heading 2": _P, "Banner": _P, "Memo Kind": _P,
    "Memo Header": _P, "Memo Date": _P, "BLUF": _P, "Decision": _P, "Clearance": _P, "Source Entry": _P, "Caption": _P,
    "List Bullet": _P, "List Number": _P, "Table Text": _P, "Footnote Text": _P, "Footnote Reference": _C,
    "Table Grid": _T,
}  # fmt: skip
_TYPE_NAMES = {_P: "paragraph", _C: "character", _T: "table"}
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
BUILTIN_REFERENCE = Path(str(files("brief") / "templates" / "reference.docx"))
# Memo forms whose first page is the heading block, with furniture of its own.
FIRST_PAGE_FORMS = ("action", "information")


class DocxRenderer:
    name: ClassVar[str] = "docx"

    def render(self, memo: Memo, job: RenderJob) -> Rendered:
        writer = _Writer(memo, job.reference_docx or BUILTIN_REFERENCE)
        try:
            writer.write()
            data = writer.save(_moment(memo, job.source_date_epoch))
        except ValueError as exc:  # python-docx and lxml report bad values (a style, a string) so.
            raise RenderError(f"cannot write the DOCX of {memo.brief} ({memo.audience}): {exc}", None, "render/docx") from None
        boxes = wide_boxes(writer.document.element.body)
        return Rendered(self.name, ox.normalise_zip(data, job.source_date_epoch), text=document_text(writer.document), boxes=boxes)


def document_text(document: Any) -> str:
    """What a reader of the document reads, part by part: its paragraphs, the cells of its
    tables, and the headers and footers of its sections (footnotes are not included)."""
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def _moment(memo: Memo, epoch: int | None) -> datetime:
    """The document's timestamp: SOURCE_DATE_EPOCH when set, else midnight UTC of the memo date."""
    if epoch is not None:
        return datetime.fromtimestamp(epoch, UTC)
    return datetime(memo.date.year, memo.date.month, memo.date.day, tzinfo=UTC)


class _Writer:
    def __init__(self, memo: Memo, reference: Path) -> None:
        if not reference.is_file():
            raise RenderError("the reference document does not exist", Location(reference), "render/reference-docx")
        try:
            self.document = docx.Document(str(reference))
        except Exception as exc:  # python-docx raises several types for a bad package.
            raise RenderError(f"cannot open the reference document: {exc}", Location(reference), "render/reference-docx") from None
        # Word writes some built-in names in lower case ("footnote text"); match names as Word does.
        self.styles = {style.name.casefold(): style for style in self.document.styles if style.name}
        _check_styles(self.styles, reference)
        _check_page(self.document, reference)
        self.memo = memo
        self.notes = {note.number: note for note in memo.footnotes}
        if len(self.notes) != len(memo.footnotes):
            raise RenderError(f"the memo {memo.brief} ({memo.audience}) numbers two footnotes alike", None, "render/docx")
        # Endnotes are a numbered "Notes" list after the body, as in the PDF, rather than Word
        # endnotes: LibreOffice sets those on a page of their own, which breaks page limits.
        self.endnotes = memo.notes == "endnotes"
        self.footnotes = None if self.endnotes else ox.Footnotes(self.document)
        first = self.footnotes.first_id if self.footnotes else 1
        self.note_ids = {number: first + i for i, number in enumerate(sorted(self.notes))}
        self.mark_style = self.style("Footnote Reference").style_id
        link = self.styles.get("hyperlink")
        self.link_style = link.style_id if link is not None and link.type == _C else None

    def style(self, name: str) -> Any:
        return self.styles[name.casefold()]

    def paragraph(self, style: str, text: str | None = None) -> Any:
        return self.styled(self.document.add_paragraph(text or ""), style)

    def styled(self, paragraph: Any, style: str) -> Any:
        """Set a paragraph's style by its id. python-docx's own ``style=`` scans every style of
        the document for the default on each call, which took most of a memo's render time."""
        paragraph._p.style = self.style(style).style_id
        return paragraph

    def write(self) -> None:
        body = self.document.element.body
        for child in list(body):  # A reference document lends styles and page setup, not text.
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        ox.set_language(self.document, self.memo.lang)
        self._furniture()
        self._heading()
        if self.memo.columns > 1:
            self._columns(self.memo.columns)
        for section in self.memo.sections:
            if section.tab:
                # A tab starts a page of its own, as in the PDF.
                title = f"Tab {section.tab}" + (f" – {section.title}" if section.title else "")
                self.paragraph("Heading 1", title).paragraph_format.page_break_before = True
            elif section.title:
                self.paragraph("Heading 1", section.title)
            for block in section.blocks:
                self._block(block)
        self._footnotes()

    def _columns(self, count: int) -> None:
        """Set the body in columns below the heading, as the HTML does: Word needs a continuous
        section break, since columns belong to a section and the title spans the page."""
        from docx.enum.section import WD_SECTION

        section = self.document.add_section(WD_SECTION.CONTINUOUS)
        ox.set_columns(section, count, gap_twips=403)  # 0.28 in, the column gap of the stylesheet

    def _furniture(self) -> None:
        banner = self.memo.banner
        # Page one of an action or information memo is its heading block, which a page number
        # would only clutter: the number starts on page two, so a one-page memo shows none.
        first_page = self.memo.form in FIRST_PAGE_FORMS
        for section in self.document.sections:
            section.different_first_page_header_footer = first_page
            pairs = [(section.header, section.footer, True)]
            if first_page:
                pairs.append((section.first_page_header, section.first_page_footer, False))
            else:
                # Unused, a reference document's first-page parts would still ship its text
                # (a past memo's banner, say) inside this document.
                section.first_page_header.is_linked_to_previous = True
                section.first_page_footer.is_linked_to_previous = True
            if self.document.settings.odd_and_even_pages_header_footer:
                pairs.append((section.even_page_header, section.even_page_footer, True))
            for header, footer, numbered in pairs:
                # brief owns the page furniture: what a reference document (a past memo, say)
                # carries there would repeat the banner or the page numbers.
                for part in (header, footer):
                    for child in list(part._element):
                        part._element.remove(child)
                if self.memo.draft:  # a draft says so at the head of every page, as in the PDF
                    self.styled(header.add_paragraph("DRAFT"), "Banner")
                # A header or footer must hold a paragraph even when empty (Word calls it corrupt otherwise).
                top = self.styled(header.add_paragraph(banner or ""), "Banner")
                if not numbered and self.memo.caption and self.memo.convention == "state":
                    self._dated(top, banner or "")
                if banner or not numbered:
                    self.styled(footer.add_paragraph(banner or ""), "Banner")
                if numbered:
                    # Page numbers sit centred under the banner, in its style but not bold.
                    pages = self.styled(footer.add_paragraph(), "Banner")
                    for text, instruction in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
                        pages.add_run(text).bold = False
                        ox.field(pages, instruction, "1", bold=False)

    def _dated(self, paragraph: Any, banner: str) -> None:
        """State's first line: the banner centred and the memo's date at the right margin."""
        from docx.enum.text import WD_TAB_ALIGNMENT

        width = Emu(column_width(self.document.sections[0]._sectPr))  # the banner line: above any columns
        paragraph.text = ""
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(Emu(width // 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        paragraph._p.append(ox.text_run(f"\t{banner}\t"))
        paragraph.add_run(self.memo.date_text).bold = False  # the banner's style is bold; the date is not

    def _heading(self) -> None:
        memo = self.memo
        if memo.caption:
            # The same words as the HTML and PDF layouts, so every format says the same things:
            # State's caption names the principal and its date is on the banner line; Defense
            # centres the caption with the date under it.
            kind = self.paragraph("Memo Kind", memo.caption)
            if memo.convention == "defense":
                kind.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.paragraph("Memo Date", memo.date_text).alignment = WD_ALIGN_PARAGRAPH.CENTER
            for line in memo.heading:
                line_paragraph = self.paragraph("Memo Header")
                line_paragraph._p.append(ox.text_run(f"{line.label}:", bold=True))
                line_paragraph._p.append(ox.text_run(f"\t{line.value}"))
            return
        self.paragraph("Title", memo.title)
        self.paragraph("Subtitle", memo.subject)
        when = f"{memo.date:%B} {memo.date.day}, {memo.date.year}"
        self.paragraph("Clearance", f"{memo.author_line} · {when}" if memo.author_line else when)

    def _paragraph_style(self, css_class: str) -> str:
        name = PARAGRAPH_STYLES.get(css_class) or css_class.replace("-", " ").replace("_", " ").title()
        style = self.styles.get(name.casefold())
        return name if style is not None and style.type == _P else "Normal"

    def _block(self, block: Block) -> None:
        part = self.document.part
        if isinstance(block, Paragraph):
            paragraph = self.paragraph(self._paragraph_style(block.style))
            self._runs(paragraph._p, block.runs, part)
            if block.lead_in:  # "Arguments for" in bold over its list: never the last line of a page
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, BulletList):
            named = self._paragraph_style(block.style) if block.style != "body" else "Normal"  # "key-figure": "Key Figure"
            style = named if named != "Normal" else "List Number" if block.ordered else "List Bullet"
            num_id = ox.restart_numbering(self.document, self.style(style)) if style == "List Number" else None
            for item in block.items:
                paragraph = self.paragraph(style)
                if num_id is not None:
                    ox.set_numbering(paragraph, num_id)
                self._runs(paragraph._p, item, part)
        elif isinstance(block, Heading):
            deeper = f"Heading {block.level + 1}"
            self.paragraph(deeper if deeper.casefold() in self.styles else "Heading 2", block.text)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Chart):
            self._chart(block)

    def _chart(self, block: Chart) -> None:
        from docx.shared import Inches

        # Word cannot take SVG; the PNG is drawn at 200 dpi, and the alt text goes where Word
        # and screen readers look for it (the drawing's description).
        # Its title above it, its source line below, all kept on the picture's page.
        width = min(block.width_in, self._text_width_in())
        if block.caption:
            self.paragraph("Caption", block.caption).paragraph_format.keep_with_next = True
        paragraph = self.paragraph("Normal")
        paragraph.paragraph_format.keep_with_next = bool(block.source)
        shape = paragraph.add_run().add_picture(io.BytesIO(block.png), width=Inches(width))
        shape._inline.docPr.set("descr", block.alt)
        shape._inline.docPr.set("title", block.caption or "Chart")
        if block.source:
            self.paragraph("Caption", block.source)

    def _text_width(self) -> int:
        """The width of a column of the current section, in EMU (tables and charts fit it)."""
        return column_width(self.document.sections[-1]._sectPr)

    def _text_width_in(self) -> float:
        return float(Emu(self._text_width()).inches)

    def _table(self, block: Table) -> None:
        columns = len(block.header)
        if len(block.widths) != columns or any(len(row) > columns for row in block.rows):
            raise RenderError(
                f"a table of {self.memo.brief} ({self.memo.audience}) has rows or widths unlike its header", None, "render/docx"
            )
        if block.caption:
            self.paragraph("Caption", block.caption).paragraph_format.keep_with_next = True
        text_width = self._text_width()
        table = self.document.add_table(rows=1 + len(block.rows), cols=columns)
        table.style = self.style("Table Grid")
        table.autofit = False
        widths = [Emu(int(text_width * w)) for w in block.widths]
        # Word reads the cell widths, LibreOffice the grid's column widths: set both.
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        ox.repeat_header_row(table.rows[0])
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.width = widths[c]
                paragraph = cell.paragraphs[0]
                self.styled(paragraph, "Table Text")
                if c < len(block.align) and block.align[c] in _ALIGN:
                    paragraph.alignment = _ALIGN[block.align[c]]
                if r == 0:
                    paragraph._p.append(ox.text_run(block.header[c], bold=True))
                elif c < len(block.rows[r - 1]):
                    self._runs(paragraph._p, block.rows[r - 1][c], self.document.part)
        # Word glues consecutive tables and following text to the grid; a small gap separates them.
        self.paragraph("Table Text").paragraph_format.space_after = 0

    def _runs(self, p: Any, runs: tuple[Inline, ...], part: Any, in_note: bool = False) -> None:
        previous: Inline | None = None
        for run in runs:
            if isinstance(run, FootnoteRef) and isinstance(previous, FootnoteRef):
                # Adjacent calls read "10,11", not "1011", as in the HTML layout.
                p.append(ox.text_run(",", style_id=self.mark_style))
            previous = run
            if isinstance(run, Text):
                p.append(ox.text_run(run.text, run.bold, run.italic))
            elif isinstance(run, Link):
                p.append(ox.hyperlink(part, run.url, run.text, self.link_style))
            elif isinstance(run, FootnoteRef):
                if in_note or run.number not in self.note_ids:
                    where = "inside a footnote" if in_note else "with no footnote of that number"
                    raise RenderError(
                        f"the memo {self.memo.brief} ({self.memo.audience}) calls footnote {run.number} {where}", None, "render/docx"
                    )
                if self.footnotes is None:
                    p.append(ox.text_run(str(run.number), style_id=self.mark_style))
                else:
                    p.append(ox.footnote_reference(self.note_ids[run.number], self.mark_style))

    def _footnotes(self) -> None:
        if self.footnotes is None:
            if self.notes:
                self.paragraph("Heading 1", "Notes")
            for number in sorted(self.notes):
                p = self.paragraph("Footnote Text")
                p._p.append(ox.text_run(f"{number}. "))
                self._runs(p._p, self.notes[number].runs, self.document.part, in_note=True)
            return
        text_style = self.style("Footnote Text").style_id
        for number in sorted(self.notes):
            p = self.footnotes.add(self.note_ids[number], text_style, self.mark_style)
            self._runs(p, self.notes[number].runs, self.footnotes.part, in_note=True)
        self.footnotes.save()

    def save(self, moment: datetime) -> bytes:
        props = self.document.core_properties
        props.title, props.subject, props.language = self.memo.title, self.memo.subject, self.memo.lang
        props.author = props.last_modified_by = "brief"
        # python-docx writes the value with a "Z" suffix, so it takes a naive UTC datetime.
        props.created = props.modified = props.last_printed = moment.replace(tzinfo=None)
        props.revision = 1
        props.comments = props.keywords = props.category = props.content_status = ""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _check_styles(styles: dict[str, Any], reference: Path) -> None:
    missing = [name for name in REQUIRED_STYLES if name.casefold() not in styles]
    if missing:
        listed = ", ".join(f"'{name}'" for name in missing)
        noun = "style" if len(missing) == 1 else "styles"
        raise RenderError(f"the reference document lacks the {noun} {listed}", Location(reference), "render/reference-docx")
    for name, kind in REQUIRED_STYLES.items():
        found = styles[name.casefold()].type
        if found != kind:
            raise RenderError(
                f"the style '{name}' in the reference document is a {_TYPE_NAMES.get(found, str(found))} style;"
                f" brief needs a {_TYPE_NAMES[kind]} style",
                Location(reference),
                "render/reference-docx",
            )


def _check_page(document: Any, reference: Path) -> None:
    """Tables and charts are sized to the text width, which needs the page size and margins; a
    reference document without them (w:pgSz, w:pgMar) would fail deep in the render."""
    section = document.sections[-1]
    missing = [
        what for what, value in (("page size (w:pgSz)", section.page_width), ("margins (w:pgMar)", section.left_margin)) if value is None
    ]
    if missing or section.right_margin is None:
        what = " and ".join(missing or ["margins (w:pgMar)"])
        raise RenderError(f"the reference document sets no {what} for its last section", Location(reference), "render/reference-docx")
