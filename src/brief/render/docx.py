"""DOCX renderer: the Memo as a Word document, styled by name from a reference document.

Stage: render. Consumes a Memo and a reference .docx (the audience's, else the built-in
``templates/reference.docx``); produces DOCX bytes. Citations become real Word footnotes, the
banner sits in the header and footer of every page with "Page X of Y" fields, and the zip is
written with fixed timestamps so two renders of one Memo are byte-identical.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

from brief.errors import Location, RenderError
from brief.memo import Block, BulletList, FootnoteRef, Heading, Inline, Link, Memo, Paragraph, Table, Text
from brief.render import RenderJob
from brief.render import docx_oxml as ox

# Paragraph.style classes -> Word paragraph styles. Other classes use a style named after the
# class (title-cased) when the reference document has one, else "Normal".
PARAGRAPH_STYLES = {
    "body": "Normal",
    "lead": "Normal",
    "bluf": "BLUF",
    "decision": "Decision",
    "clearance": "Clearance",
    "sources": "Source Entry",
    "caption": "Caption",
}
REQUIRED_STYLES = (
    "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Banner", "Memo Header", "BLUF", "Decision",
    "Clearance", "Source Entry", "Caption", "List Bullet", "List Number", "Footnote Text", "Footnote Reference",
    "Memo Kind", "Table Text",
)  # fmt: skip
BUILTIN_REFERENCE = Path(str(files("brief") / "templates" / "reference.docx"))


class DocxRenderer:
    name: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"

    def render(self, memo: Memo, job: RenderJob) -> bytes:
        reference = job.reference_docx or BUILTIN_REFERENCE
        writer = _Writer(memo, reference)
        writer.write()
        return _normalise_zip(writer.save(job.source_date_epoch), job.source_date_epoch)


class _Writer:
    def __init__(self, memo: Memo, reference: Path) -> None:
        import docx

        try:
            self.document = docx.Document(str(reference))
        except Exception as exc:  # python-docx raises several types for a bad package.
            raise RenderError(f"cannot open the reference document: {exc}", Location(reference)) from None
        names = {style.name for style in self.document.styles}
        missing = [name for name in REQUIRED_STYLES if name not in names]
        if missing:
            raise RenderError(f"the reference document lacks the style '{missing[0]}'", Location(reference))
        self.style_names = names
        self.memo = memo
        self.footnotes = ox.Footnotes(self.document)
        self.note_style = self.document.styles["Footnote Reference"].style_id
        self.link_style = self.document.styles["Hyperlink"].style_id if "Hyperlink" in names else None

    def write(self) -> None:
        body = self.document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        self._furniture()
        self._heading()
        for section in self.memo.sections:
            if section.title:
                self.document.add_paragraph(section.title, style="Heading 1")
            for block in section.blocks:
                self._block(block)
        self.footnotes.save()

    def _furniture(self) -> None:
        for section in self.document.sections:
            header = section.header.paragraphs[0]
            footer = section.footer.paragraphs[0]
            if self.memo.banner:
                header.text, header.style = self.memo.banner, self.document.styles["Banner"]
                footer.text, footer.style = self.memo.banner, self.document.styles["Banner"]
                footer = section.footer.add_paragraph(style="Banner")
            else:
                footer.style = self.document.styles["Banner"]
            footer.add_run("Page ")
            ox.field(footer, "PAGE", "1")
            footer.add_run(" of ")
            ox.field(footer, "NUMPAGES", "1")
            for run in footer.runs:
                run.font.bold = False

    def _heading(self) -> None:
        memo = self.memo
        if memo.heading:
            kind = "ACTION MEMO" if memo.form == "action" else "INFORMATION MEMO"
            self.document.add_paragraph(kind, style="Memo Kind")
            last = None
            for line in memo.heading:
                last = self.document.add_paragraph(style="Memo Header")
                last.add_run(f"{line.label}:").bold = True
                last.add_run(f"\t{line.value}")
            if last is not None:
                ox.bottom_border(last)
            return
        self.document.add_paragraph(memo.title, style="Title")
        self.document.add_paragraph(memo.subject, style="Subtitle")
        when = f"{memo.date:%B} {memo.date.day}, {memo.date.year}"
        self.document.add_paragraph(f"{memo.author_line} · {when}" if memo.author_line else when, style="Clearance")

    def _style(self, css_class: str) -> str:
        name = PARAGRAPH_STYLES.get(css_class) or css_class.replace("-", " ").replace("_", " ").title()
        return name if name in self.style_names else "Normal"

    def _block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self._runs(self.document.add_paragraph(style=self._style(block.style))._p, block.runs, self.document.part)
        elif isinstance(block, BulletList):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                self._runs(self.document.add_paragraph(style=style)._p, item, self.document.part)
        elif isinstance(block, Heading):
            self.document.add_paragraph(block.text, style="Heading 2")
        elif isinstance(block, Table):
            self._table(block)

    def _table(self, block: Table) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Emu

        section = self.document.sections[-1]
        text_width = section.page_width - section.left_margin - section.right_margin
        table = self.document.add_table(rows=1 + len(block.rows), cols=len(block.header))
        if "Table Grid" in {s.name for s in self.document.styles}:
            table.style = self.document.styles["Table Grid"]
        table.autofit = False
        aligns = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
        widths = [Emu(int(text_width * w)) for w in block.widths]
        # Word reads cell widths, LibreOffice column widths: set both.
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.width = widths[c]
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles["Table Text"]
                if c < len(block.align) and block.align[c] in aligns:
                    paragraph.alignment = aligns[block.align[c]]
                if r == 0:
                    paragraph.add_run(block.header[c]).bold = True
                elif c < len(block.rows[r - 1]):
                    self._runs(paragraph._p, block.rows[r - 1][c], self.document.part)
        # Word glues consecutive tables and following text to the grid; a small gap separates them.
        gap = self.document.add_paragraph(style="Table Text")
        gap.paragraph_format.space_after = 0

    def _runs(self, p: Any, runs: tuple[Inline, ...], part: Any) -> None:
        previous: Inline | None = None
        for run in runs:
            if isinstance(run, FootnoteRef) and isinstance(previous, FootnoteRef):
                # Adjacent calls read "10,11", not "1011".
                p.append(ox.text_run(",", style_id=self.note_style))
            previous = run
            if isinstance(run, Text):
                p.append(ox.text_run(run.text, run.bold, run.italic))
            elif isinstance(run, Link):
                p.append(ox.hyperlink(part, run.url, run.text, self.link_style))
            elif isinstance(run, FootnoteRef):
                p.append(ox.footnote_reference(run.number, self.note_style))
                self._note(run.number)

    def _note(self, number: int) -> None:
        note = self.memo.footnotes[number - 1]
        self._runs(self.footnotes.add(number), note.runs, self.footnotes.part)

    def save(self, epoch: int | None) -> bytes:
        props = self.document.core_properties
        moment = (
            datetime.fromtimestamp(epoch, UTC)
            if epoch is not None
            else datetime(self.memo.date.year, self.memo.date.month, self.memo.date.day, tzinfo=UTC)
        )
        moment = moment.replace(tzinfo=None)
        props.title, props.subject, props.language = self.memo.title, self.memo.subject, self.memo.lang
        props.author = props.last_modified_by = "brief"
        props.created = props.modified = props.last_printed = moment
        props.revision = 1
        props.comments = props.keywords = props.category = ""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _normalise_zip(data: bytes, epoch: int | None) -> bytes:
    """Rewrite the package with fixed entry timestamps and order: python-docx stamps the time
    of saving into every zip entry, which would make each build differ."""
    stamp = (1980, 1, 1, 0, 0, 0)
    if epoch is not None:
        moment = datetime.fromtimestamp(max(epoch, 315532800), UTC)
        stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        # [Content_Types].xml must stay first for some readers.
        for name in sorted(names, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
