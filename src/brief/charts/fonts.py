"""Fonts for charts: the bundled font files chart labels are set in, and text measured with them.

Stage: charts. Labels are measured with Pillow on the bundled files (:mod:`brief.bundled_fonts`)
that the memo's ``@font-face`` rules give WeasyPrint, which sets the SVG's text with the
document's fonts, so a label fits the same way in the SVG and in the PNG (drawn by Pillow) on
any machine: no system font, fontconfig lookup or fixed system path is involved. Pillow is
imported only when text is measured.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from brief.bundled_fonts import SANS, font_file

# The SVG names the bundled family first; a browser showing the HTML preview cannot load it (the
# preview allows no font fetches) and sets the metric twin or a generic sans-serif instead.
FONT_FAMILY = f"{SANS}, Arial, sans-serif"


@lru_cache(maxsize=32)
def load_font(bold: bool, size: float) -> Any:
    """A Pillow font of `size` pixels, from the bundled regular or bold face."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font_file(SANS, bold)), size)


_REFERENCE = 100.0  # measure at 100 px and scale: near-linear, and unaffected by hinting


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of `text` in points at `size` points."""
    return float(load_font(bold, _REFERENCE).getlength(text)) * size / _REFERENCE


@lru_cache(maxsize=2)
def font_metrics(bold: bool) -> tuple[float, float]:
    """Ascent and descent as fractions of the font size."""
    ascent, descent = load_font(bold, _REFERENCE).getmetrics()
    return ascent / _REFERENCE, descent / _REFERENCE
