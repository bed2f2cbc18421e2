"""The Memo: the one document model every renderer consumes.

Stage: produced by :mod:`brief.assemble.assembler` from a BriefSpec, its SourceSummaries and an
Audience; consumed by the renderers in :mod:`brief.render` and checked by :mod:`brief.verify`.
Renderers never read sources, specs or the file system for content, so the PDF and the DOCX of one
audience say the same things. The Memo holds what a reader sees, not the limits it is checked
against: those stay in the audience profile.

Content is a list of sections; each section is a list of blocks (paragraphs, lists, tables,
sub-headings); each block holds inline runs (text, links, footnote references). Footnotes are
numbered in reading order across the whole memo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from brief.untrusted import safe_url


@dataclass(frozen=True)
class Text:
    """A run of plain text, optionally bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Link:
    """A hyperlink; `text` is what the reader sees. Only http, https and mailto links exist: the
    summaries refuse others where they are read, and this refuses any that got past."""

    text: str
    url: str

    def __post_init__(self) -> None:
        if safe_url(self.url) != self.url:
            raise ValueError(f"a memo may not link to {self.url!r}")


@dataclass(frozen=True)
class PortionMark:
    """Assembly only, never rendered: the start of a portion of the analyst's prose, with its
    marking (None when the analyst marked none). The marking pass of :mod:`.portions` turns it
    into the printed mark at the start of its block, or removes it."""

    marking: str | None
    line: int | None = None  # where the portion was written in the brief, for a missing marking


@dataclass(frozen=True)
class FootnoteRef:
    """A call to footnote `number` (1-based, in reading order)."""

    number: int


Inline = Text | Link | FootnoteRef | PortionMark


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. `style` is a semantic class (``body``, ``decision``, ``lead``, ...) that the
    HTML layout maps to a CSS class and the DOCX renderer maps to a named Word style."""

    runs: tuple[Inline, ...]
    style: str = "body"

    @property
    def lead_in(self) -> bool:
        """A short paragraph all in bold: a heading the template writes as a paragraph ("**Arguments
        for**"), which every renderer keeps with what follows it, as it keeps a heading."""
        runs = [run for run in self.runs if not (isinstance(run, Text) and not run.text.strip())]
        bold = [run for run in runs if isinstance(run, Text) and run.bold]
        return bool(runs) and len(bold) == len(runs) and sum(len(run.text) for run in bold) <= 80


@dataclass(frozen=True)
class BulletList:
    """A bulleted or numbered list; each item is a sequence of inline runs."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False
    style: str = "body"


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (an option's title, say). `level` 1 is the highest inside a
    section; section titles themselves are not blocks."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Table:
    """A table with a header row. `widths` are relative column widths that sum to 1."""

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    widths: tuple[float, ...]
    caption: str | None = None
    align: tuple[str, ...] = ()  # "left" | "right" | "center" per column


@dataclass(frozen=True)
class Chart:
    """A chart: SVG for HTML and PDF, PNG for DOCX, and the text alternative that describes it
    to a reader who cannot see it (tagged PDF, screen readers, Word's alt text). The caption is
    its title, printed above it with the chart's portion mark; the source line goes below."""

    svg: str
    png: bytes
    alt: str
    caption: str | None
    width_in: float
    height_in: float
    source: str | None = None  # the source line, printed below the chart

    @property
    def svg_uri(self) -> str:
        """The SVG as a data: URL, for an <img> that carries the alt text."""
        import base64

        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


Block = Paragraph | BulletList | Heading | Table | Chart


@dataclass(frozen=True)
class Section:
    """A titled part of the memo, in the audience's order. `id` names the section template."""

    id: str
    title: str | None
    blocks: tuple[Block, ...]
    tab: str | None = None  # "A", "B", ...: the section is a tab printed after the memo, from a new page


@dataclass(frozen=True)
class Footnote:
    """A footnote's text; `number` matches the FootnoteRef that calls it."""

    number: int
    runs: tuple[Inline, ...]


@dataclass(frozen=True)
class HeaderLine:
    """One line of the memo heading block (``MEMORANDUM FOR``, ``FROM``, ``SUBJECT``, ``DATE``)."""

    label: str
    value: str


@dataclass(frozen=True)
class FigureUse:
    """One figure a memo shows, for the ledger (``build/<brief>/figures.json``)."""

    id: str
    value: float
    unit: str
    label: str
    period: str | None
    source: str
    quote: str
    shown_as: str


@dataclass(frozen=True)
class Memo:
    """A whole memo for one audience, ready to render."""

    brief: str  # the brief's name (file stem), used in output paths
    audience: str
    form: str  # "action" | "information" | "public"
    title: str
    subject: str
    date: date
    lang: str
    banner: str | None  # classification banner, or None when the audience shows no markings
    heading: tuple[HeaderLine, ...]  # memo heading block; empty for a public brief
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    figures: tuple[FigureUse, ...] = field(default_factory=tuple)
    tagged: bool = False  # write a tagged, accessible PDF (PDF/UA-1)
    author_line: str | None = None  # byline for public briefs ("Prepared by ...")
    columns: int = 1  # text columns of the body (the heading spans the page)
    notes: str = "footnotes"  # "footnotes" at the foot of each page, or "endnotes" after the body
    caption: str | None = None  # "ACTION MEMO FOR THE SECRETARY", "INFO MEMO"; None for a public brief
    convention: str = "state"  # "state" or "defense": how the heading block is laid out
    label: str = ""  # what this variant is, for the document title: "Action Memo", "Public Brief"
    draft: bool = False  # built with --draft: every page is marked DRAFT

    @property
    def date_text(self) -> str:
        return f"{self.date:%B} {self.date.day}, {self.date.year}"

    @property
    def document_title(self) -> str:
        """The title of the HTML page and the document properties: the memo's title and which
        variant it is, so the audiences of one brief are told apart in a browser or a file list."""
        return f"{self.title} — {self.label}" if self.label else self.title

    @property
    def tabs(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.tab)
