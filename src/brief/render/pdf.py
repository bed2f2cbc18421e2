"""PDF renderer: WeasyPrint on the HTML memo.

Stage: render. Consumes the Memo (for its metadata) and the HTML the layout produced; produces the
PDF bytes and the text of its pages, read from the layout for verification. WeasyPrint is
imported here only, lazily: it costs about half a second.

Security: source text is untrusted, so the URL fetcher allows only ``data:`` URLs, files
inside the workspace (after resolving symlinks) and brief's bundled fonts (``brief-font:`` URLs,
see :mod:`brief.bundled_fonts`); anything else, ``file:///etc/passwd`` or ``http://``, gets nothing.
Reproducibility: the PDF identifier and dates derive from the content and the memo date (or
``SOURCE_DATE_EPOCH``), and the text is set in the bundled fonts only, so two builds are
byte-identical, on any machine, whatever fonts it has.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from brief.assemble.memo import Memo
from brief.bundled_fonts import resolve as bundled_font
from brief.errors import RenderError
from brief.render import PageText, Rendered, RenderJob


def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class WorkspaceFetcher(URLFetcher):
        """Fetches data: URLs, files under one folder and the bundled fonts; refuses everything else."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols=("data", "file"))
            self.root = root.resolve()

        def fetch(self, url: str, headers: Any = None) -> Any:
            font = bundled_font(url)
            if font is not None:
                return URLFetcherResponse(url, font.read_bytes(), {"Content-Type": "font/ttf"})
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(self.root) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"brief does not fetch {url!r}: only data: URLs, workspace files and its own fonts")

    return WorkspaceFetcher


def make_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher confined to `root` and data: URLs."""
    return _fetcher_class()(root)


class PdfRenderer:
    name: ClassVar[str] = "pdf"

    def render(self, memo: Memo, job: RenderJob) -> Rendered:
        """The PDF, with the printed text of each page and the printed lines of each section,
        read from the layout WeasyPrint already made: parsing the written PDF again took a fifth
        of a build."""
        assert job.html is not None, "the pipeline renders HTML before the PDF"
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        from brief.render import footnote_area
        from brief.render.pdf_layout import page_layouts

        footnote_area.install()
        # WeasyPrint logs every CSS property it ignores; the build reports its own problems.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        # The memo's @font-face fonts are copied into a temporary folder of this configuration's;
        # WeasyPrint removes it only when the object is collected, which a long run or an exit may
        # never do, so each build left megabytes in the temporary directory. The folder goes here.
        fonts = FontConfiguration()
        try:
            try:
                html = weasyprint.HTML(string=job.html, base_url=str(job.workspace) + "/", url_fetcher=make_fetcher(job.workspace))
                document = html.render(font_config=fonts)
            except Exception as exc:  # WeasyPrint raises many types; the stage boundary translates them.
                raise RenderError(f"WeasyPrint could not lay out the {memo.audience} memo: {exc}", None, "render/pdf") from None
            identifier = hashlib.sha256(job.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
            options: dict[str, Any] = {"pdf_identifier": identifier}
            if memo.tagged:
                options.update(pdf_variant="pdf/ua-1", pdf_tags=True)
            try:
                data = document.write_pdf(**options)
            except Exception as exc:
                raise RenderError(f"WeasyPrint could not write the {memo.audience} PDF: {exc}", None, "render/pdf") from None
            pages, lines = read_layout(document)
            return Rendered(self.name, bytes(data), pages, lines, layout=page_layouts(document))
        finally:
            _remove_font_folder(fonts)


def _remove_font_folder(fonts: Any) -> None:
    """Remove the temporary folder a WeasyPrint font configuration copied fonts into, if any
    (``FontConfiguration._folder``, which its own ``__del__`` removes only when collected)."""
    folder = getattr(fonts, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        fonts._folder = None


def read_layout(document: Any) -> tuple[tuple[PageText, ...], dict[str, int]]:
    """Each laid-out page's text, one printed line per line of text, and the printed lines of
    the paragraphs and list items of each ``<section id>``, in one walk over the boxes."""
    from weasyprint.formatting_structure import boxes

    section_lines: dict[str, int] = {}

    def walk(box: Any, out: list[str], sections: tuple[str, ...], counted: tuple[str, ...]) -> None:
        if isinstance(box, boxes.LineBox):
            out.append("".join(text_of(box)))
            for section in counted:
                section_lines[section] = section_lines.get(section, 0) + 1
            return
        tag = getattr(box, "element_tag", None)
        element = getattr(box, "element", None)
        # Anonymous boxes inside a section carry its element too: count each section once.
        if tag == "section" and element is not None and element.get("id") and element.get("id") not in sections:
            sections = (*sections, element.get("id"))
        if tag in ("p", "li"):
            counted = sections  # lines of a paragraph count for every section around it
        for child in getattr(box, "children", ()):
            walk(child, out, sections, counted)

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
            walk(child, target, (), ())
        pages.append(PageText("\n".join(body), "\n".join(notes), "\n".join(margins)))
    return tuple(pages), section_lines
