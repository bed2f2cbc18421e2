"""PDF renderer: WeasyPrint on the HTML memo.

Stage: render. Consumes the Memo (for its limits and metadata) and the HTML the layout produced;
produces PDF bytes. WeasyPrint is imported here only, lazily: it costs about half a second.

Security: source text is untrusted, so the URL fetcher allows only ``data:`` URLs and files
inside the workspace (after resolving symlinks); anything else, ``file:///etc/passwd`` or
``http://``, gets nothing. Reproducibility: the PDF identifier and dates derive from the content
and the memo date (or ``SOURCE_DATE_EPOCH``), so two builds are byte-identical.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from brief.errors import LimitError, RenderError
from brief.memo import Memo
from brief.render import RenderJob


def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class WorkspaceFetcher(URLFetcher):  # type: ignore[misc]
        """Fetches data: URLs and files under one folder; refuses everything else."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols=("data", "file"))
            self.root = root.resolve()

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(self.root) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"brief does not fetch {url!r}: only data: URLs and workspace files")

    return WorkspaceFetcher


def make_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher confined to `root` and data: URLs."""
    return _fetcher_class()(root)


@dataclass(frozen=True)
class PageText:
    """The printed text of one PDF page, read from WeasyPrint's layout: the flow of the page,
    its footnotes and its margins (banners, page numbers). Charts are images and add nothing."""

    body: str
    notes: str
    margins: str

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.body, self.notes, self.margins) if part)


class PdfRenderer:
    name: ClassVar[str] = "pdf"
    suffix: ClassVar[str] = ".pdf"

    def render(self, memo: Memo, job: RenderJob) -> bytes:
        return self.render_with_text(memo, job)[0]

    def render_with_text(self, memo: Memo, job: RenderJob) -> tuple[bytes, list[PageText]]:
        """The PDF and the text of each of its pages. The memo rules read the text from the
        layout WeasyPrint already made: parsing the written PDF again took a fifth of a build."""
        assert job.html is not None, "the build renders HTML before the PDF"
        import weasyprint

        from brief.render import footnote_area

        footnote_area.install()
        # WeasyPrint logs every CSS property it ignores; the build reports its own problems.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        try:
            html = weasyprint.HTML(string=job.html, base_url=str(job.workspace) + "/", url_fetcher=make_fetcher(job.workspace))
            document = html.render()
        except Exception as exc:  # WeasyPrint raises many types; the stage boundary translates them.
            raise RenderError(f"WeasyPrint could not lay out the {memo.audience} memo: {exc}") from None
        self._check_limits(memo, document)
        identifier = hashlib.sha256(job.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        options: dict[str, Any] = {"pdf_identifier": identifier}
        if memo.tagged:
            options.update(pdf_variant="pdf/ua-1", pdf_tags=True)
        try:
            data = document.write_pdf(**options)
        except Exception as exc:
            raise RenderError(f"WeasyPrint could not write the {memo.audience} PDF: {exc}") from None
        return bytes(data), page_texts(document)

    def _check_limits(self, memo: Memo, document: Any) -> None:
        pages = len(document.pages)
        if memo.page_limit is not None and pages > memo.page_limit:
            raise LimitError(f"the {memo.audience} memo takes {pages} pages; its audience allows {memo.page_limit}")
        limit = memo.bluf_line_limit
        if limit is not None:
            lines = count_lines(document, "bluf")
            if lines > limit:
                raise LimitError(
                    f"the BLUF takes {lines} printed lines in the {memo.audience} memo; its audience allows {limit}", section="bluf"
                )


def count_lines(document: Any, section_id: str) -> int:
    """Printed lines of the paragraphs of one section, from WeasyPrint's layout."""
    from weasyprint.formatting_structure import boxes

    def walk(box: Any, inside: bool, in_paragraph: bool) -> int:
        element = getattr(box, "element", None)
        if element is not None and getattr(box, "element_tag", None) == "section" and element.get("id") == section_id:
            inside = True
        if inside and getattr(box, "element_tag", None) in ("p", "li"):
            in_paragraph = True
        total = 1 if inside and in_paragraph and isinstance(box, boxes.LineBox) else 0
        if isinstance(box, boxes.LineBox):
            return total
        for child in getattr(box, "children", ()):
            total += walk(child, inside, in_paragraph)
        return total

    return sum(walk(page._page_box, False, False) for page in document.pages)


def page_texts(document: Any) -> list[PageText]:
    """Each laid-out page's text, one printed line per line of text."""
    from weasyprint.formatting_structure import boxes

    def lines(box: Any, out: list[str]) -> list[str]:
        if isinstance(box, boxes.LineBox):
            out.append("".join(text_of(box)))
        else:
            for child in getattr(box, "children", ()):
                lines(child, out)
        return out

    def text_of(box: Any) -> list[str]:
        if isinstance(box, boxes.TextBox):
            return [box.text]
        return [part for child in getattr(box, "children", ()) for part in text_of(child)]

    pages = []
    for page in document.pages:
        body: list[str] = []
        notes: list[str] = []
        margins: list[str] = []
        for child in page._page_box.children:
            target = notes if isinstance(child, boxes.FootnoteAreaBox) else margins if isinstance(child, boxes.MarginBox) else body
            lines(child, target)
        pages.append(PageText("\n".join(body), "\n".join(notes), "\n".join(margins)))
    return pages
