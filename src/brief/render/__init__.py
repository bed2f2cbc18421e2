"""Renderers: one small class per output format, chosen by ``--format``.

Stage: the last one. Each renderer takes a finished :class:`~brief.memo.Memo` (plus the few
layout inputs in :class:`RenderJob`) and returns the bytes of one output file; the build writes
them atomically. Renderers import their heavy libraries lazily so ``brief --help`` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from brief.memo import Memo


@dataclass(frozen=True)
class RenderJob:
    """What a renderer may use besides the Memo: layout, never content."""

    workspace: Path  # files under it (and data: URLs) are all the PDF renderer may fetch
    html: str | None = None  # the rendered HTML memo, input of the PDF renderer
    reference_docx: Path | None = None  # styles for the DOCX renderer
    source_date_epoch: int | None = None  # fixed timestamp for reproducible output


class Renderer(Protocol):
    name: ClassVar[str]
    suffix: ClassVar[str]

    def render(self, memo: Memo, job: RenderJob) -> bytes: ...


FORMATS: tuple[str, ...] = ("html", "pdf", "docx")


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name; imports only that renderer's module."""
    if name == "html":
        from brief.render.html import HtmlRenderer

        return HtmlRenderer()
    if name == "pdf":
        from brief.render.pdf import PdfRenderer

        return PdfRenderer()
    if name == "docx":
        from brief.render.docx import DocxRenderer

        return DocxRenderer()
    raise ValueError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
