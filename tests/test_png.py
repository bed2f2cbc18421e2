"""Page images: `brief build --format png` draws each memo's PDF pages into one PNG."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from tests.conftest import brief, copy_root, pdf_pages

from brief.render.png import GAP


def test_page_images_stack_every_page_at_the_resolution_asked(tmp_path: Path) -> None:
    ws = copy_root("basic", tmp_path)
    result = brief(ws, "build", "--quiet", "--format", "png", "--format", "pdf", "--dpi", "50", "--audience", "staff")
    assert result.exit_code == 0, result.output
    out = ws / "build" / "port-security"
    assert sorted(p.name for p in out.iterdir() if p.suffix in (".png", ".pdf", ".docx", ".html")) == ["staff.pdf", "staff.png"]
    pages = len(pdf_pages(out / "staff.pdf"))
    assert pages > 1  # the staff memo and its tabs
    with Image.open(out / "staff.png") as opened:
        image = opened.convert("L")
    page_height = 11 * 50  # a letter page at 50 dpi
    assert image.width == round(8.5 * 50) + 2 * GAP
    assert abs(image.height - (pages * page_height + (pages + 1) * GAP)) <= pages  # rounding, a pixel a page
    # The first page is drawn, not blank: its banner line holds dark pixels.
    top = image.crop((GAP, GAP, image.width - GAP, GAP + page_height // 8))
    assert top.getextrema()[0] < 100


def test_page_images_alone_leave_the_other_formats_unwritten(tmp_path: Path) -> None:
    ws = copy_root("basic", tmp_path)
    result = brief(ws, "build", "--quiet", "--format", "png", "--audience", "principal")
    assert result.exit_code == 0, result.output
    out = ws / "build" / "port-security"
    assert (out / "principal.png").is_file() and not (out / "principal.pdf").exists()
    # Asked again, page images are made again (their resolution is not in the manifest).
    again = brief(ws, "build", "--format", "png", "--audience", "principal", "--dpi", "40")
    assert again.exit_code == 0 and "principal.png" in again.output
    with Image.open(out / "principal.png") as image:
        assert image.width == round(8.5 * 40) + 2 * GAP
