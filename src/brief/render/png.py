"""Page images: a memo's PDF pages as one PNG, for reviewers who want to see pages at a glance.

Stage: render, after the PDF (``brief build --format png``). The PDF the build just made is
rasterised with PDFium (pypdfium2, a wheel with no external program) at the job's resolution,
and its pages are stacked top to bottom on a grey ground with a gap between them, so one file
shows the whole memo in any image viewer and a test can compare it with a stored snapshot.
Written without metadata or timestamps: the same PDF gives the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, ClassVar

from brief.errors import RenderError
from brief.render import Rendered, RenderJob

if TYPE_CHECKING:
    from PIL.Image import Image

    from brief.assemble.memo import Memo

GAP = 12  # pixels of ground between pages, at any resolution
GROUND = (128, 128, 128)


class PngRenderer:
    name: ClassVar[str] = "png"

    def render(self, memo: Memo, job: RenderJob) -> Rendered:
        if job.pdf is None:
            raise RenderError(f"page images of {memo.brief} ({memo.audience}) need its PDF", None, "render/png")
        pages = page_images(job.pdf, job.dpi)
        return Rendered(self.name, stack(pages))


def page_images(pdf: bytes, dpi: int) -> list[Image]:
    """Each page of a PDF as an RGB image at `dpi`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def stack(pages: list[Image]) -> bytes:
    """The pages top to bottom, as PNG bytes."""
    from PIL import Image

    width = max(page.width for page in pages)
    height = sum(page.height for page in pages) + GAP * (len(pages) + 1)
    sheet = Image.new("RGB", (width + 2 * GAP, height), GROUND)
    top = GAP
    for page in pages:
        sheet.paste(page, (GAP, top))
        top += page.height + GAP
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
