"""Fonts for charts: the font files WeasyPrint sets chart labels in, and text measured with them.

Stage: charts. Labels are measured with Pillow on the same font file fontconfig hands WeasyPrint,
so they fit the same way in the SVG (set by WeasyPrint) and the PNG (drawn by Pillow). Pillow is
imported only when text is measured.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

FONT = ["Liberation Sans", "DejaVu Sans"]
FONT_FAMILY = ", ".join([*FONT, "sans-serif"])

_FONT_PATHS = {
    False: (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",
        "/usr/share/fonts/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    ),
}


@lru_cache(maxsize=1)
def font_files() -> tuple[str | None, str | None]:
    """The regular and bold font files for our family: fontconfig's answer first, as those are
    the files WeasyPrint sets the SVG labels in, so measured widths match; then the usual paths."""
    import os
    import subprocess

    for family in FONT:
        asks: list[subprocess.Popen[str]] = []
        try:
            # Both faces asked at once: each fc-match costs a process start.
            for pattern in (family, f"{family}:bold"):
                command = ["fc-match", "-f", "%{family}|%{file}", pattern]
                asks.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True))
            answers = [ask.communicate(timeout=5)[0] for ask in asks]
        except (OSError, subprocess.SubprocessError):
            for ask in asks:  # a hung fc-match is ended, not left behind
                ask.kill()
                ask.communicate()
            break  # no usable fontconfig here; try the usual paths
        found = []
        for answer in answers:
            names, _, path = answer.partition("|")
            # fc-match always answers; a substitute from another family would not match the SVG.
            if family in names.split(",") and path.lower().endswith((".ttf", ".otf")) and os.path.isfile(path):
                found.append(path)
        if len(found) == 2:
            return found[0], found[1]
    regular, bold = (next((p for p in _FONT_PATHS[b] if os.path.isfile(p)), None) for b in (False, True))
    return regular, bold or regular


@lru_cache(maxsize=32)
def load_font(bold: bool, size: float) -> Any:
    """A Pillow font of `size` pixels; Pillow's own scalable font when neither family is here."""
    from PIL import ImageFont

    path = font_files()[bold]
    if path is not None:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


_REFERENCE = 100.0  # measure at 100 px and scale: near-linear, and unaffected by hinting


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of `text` in points at `size` points."""
    return float(load_font(bold, _REFERENCE).getlength(text)) * size / _REFERENCE


@lru_cache(maxsize=2)
def font_metrics(bold: bool) -> tuple[float, float]:
    """Ascent and descent as fractions of the font size."""
    font = load_font(bold, _REFERENCE)
    if hasattr(font, "getmetrics"):
        ascent, descent = font.getmetrics()
        return ascent / _REFERENCE, descent / _REFERENCE
    return 0.9, 0.22
