"""Renderers: one small class per output format, chosen by ``--format``.

Stage: render. Each renderer takes a finished :class:`~brief.assemble.memo.Memo` (plus the few
layout inputs in :class:`RenderJob`) and returns a :class:`Rendered` result: the bytes of one
output file and what a reader of that file would read in it (the text of each PDF page, the text
of the DOCX), so that :mod:`brief.verify` checks the output without opening it again. Renderers
only render: limits and memo rules are verification's. They import their heavy libraries lazily,
so ``brief --help`` stays fast; this module imports only the standard library.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from brief.assemble.memo import Memo


@dataclass(frozen=True)
class RenderJob:
    """What a renderer may use besides the Memo: layout, never content."""

    workspace: Path  # files under it (and data: URLs) are all the PDF renderer may fetch
    html: str | None = None  # the rendered HTML memo, input of the HTML and PDF renderers
    reference_docx: Path | None = None  # styles for the DOCX renderer
    source_date_epoch: int | None = None  # fixed timestamp for reproducible output
    pdf: bytes | None = None  # the memo's PDF, input of the page images
    dpi: int = 60  # resolution of the page images


@dataclass(frozen=True)
class PageText:
    """The printed text of one PDF page, read from the layout: the flow of the page, its
    footnotes and its margins (banners, page numbers). Charts are images and add nothing."""

    body: str
    notes: str
    margins: str

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.body, self.notes, self.margins) if part)


@dataclass(frozen=True)
class PageLayout:
    """What the layout checks need of one PDF page, read from WeasyPrint's boxes: how full it is
    and the faults a reader would see on it, each named by the text it holds."""

    fill: float = 1.0  # share of the page's content height that body and notes take
    forced_break: bool = False  # the page starts at a forced break (a tab, ``break-before: page``)
    split_rows: tuple[str, ...] = ()  # table rows that start on this page and go on to the next
    calls: tuple[int, ...] = ()  # numbers of the footnotes called on this page
    notes: tuple[int, ...] = ()  # numbers of the footnotes printed on this page
    overflows: tuple[str, ...] = ()  # boxes wider than their column or page
    stranded: tuple[str, ...] = ()  # headings ending a page or column, note numbers starting a line


@dataclass(frozen=True)
class WideBox:
    """A table or picture of a DOCX and the width of the column its section gives it, in points."""

    what: str
    width: float
    room: float
    section: int  # 1-based section of the document it sits in


@dataclass(frozen=True)
class Rendered:
    """One output file, in memory, and what a reader of it reads."""

    format: str
    data: bytes
    pages: tuple[PageText, ...] = ()  # PDF: each page's printed text, from the layout
    section_lines: Mapping[str, int] = field(default_factory=dict)  # PDF: printed lines of each section's paragraphs
    text: str | None = None  # DOCX: the text of its paragraphs, tables, headers and footers
    layout: tuple[PageLayout, ...] = ()  # PDF: each page's layout summary
    boxes: tuple[WideBox, ...] = ()  # DOCX: each table and picture with the room its column gives it


class Renderer(Protocol):
    name: ClassVar[str]

    def render(self, memo: Memo, job: RenderJob) -> Rendered: ...


# Format name (also the file suffix) -> the module and class that render it; a module is imported
# only when its format is asked for.
_REGISTRY: dict[str, tuple[str, str]] = {
    "html": ("brief.render.html", "HtmlRenderer"),
    "pdf": ("brief.render.pdf", "PdfRenderer"),
    "docx": ("brief.render.docx", "DocxRenderer"),
    "png": ("brief.render.png", "PngRenderer"),
}
# What a build writes unless told otherwise; page images are asked for (--format png).
FORMATS: tuple[str, ...] = ("html", "pdf", "docx")
ALL_FORMATS: tuple[str, ...] = tuple(_REGISTRY)


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name; imports only that renderer's module."""
    if name not in _REGISTRY:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(ALL_FORMATS)}")
    module, cls = _REGISTRY[name]
    renderer: Renderer = getattr(importlib.import_module(module), cls)()
    return renderer
