"""Charts: drawing primitives and their two backends, SVG text and a Pillow PNG.

Stage: charts. The charts are drawn by a small layer of our own rather than a charting library.
Measured (issue 15, this machine, warm caches, one chart of three bars as SVG and 200 dpi PNG):

=====================  ===========  =============  ==========================================
library                import       per chart      text in the SVG
=====================  ===========  =============  ==========================================
this layer             0.02 s       0.007 s        ``<text>``, measured with the memo's fonts
matplotlib 3.11        0.27 s       0.07 s         paths by default, or text it measured with
                                                   its own font lookup (``svg.fonttype=none``)
vl-convert 1.9         0.004 s      0.37 s first,  text measured by its own bundled engine
                                    0.09 s next    (and a 33 MB wheel)
=====================  ===========  =============  ==========================================

A library would add a third to a half of a second to every worker that draws a chart, more than
the layout checks' whole budget on the sample's build (2.1 s), and ten times the drawing time.
What made the old charts hard to read (labels cut, unlike measures on one axis, single-bar panels)
was layout and choice of data, which a library does not decide: labels here wrap on widths
measured with the font files WeasyPrint sets the SVG text in (:mod:`.fonts`), so a label fits
in the PDF as measured, and the SVG keeps its text as text, which screen readers, tests and the
layout checks can read. So the charts stay hand-drawn, in the layout of :mod:`.figures` and
:mod:`.timeline`; no text is ever cut: it wraps (:func:`wrap_to`).

A chart's layout is computed once, in points, as a list of primitives (rectangles, lines, circles,
text); two backends write them: hand-built SVG text and a Pillow raster for the PNG. Pillow is
imported only when a chart is drawn.

Output is deterministic: no dates, random ids or tool names in the files, so with the same font
files and Pillow the same input gives the same bytes (layout depends on the measured widths).
Every text in the SVG is XML-escaped, as labels come from source text. Every chart carries a text
alternative that states what it shows, numbers included, so a tagged PDF and a screen reader
describe it.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any, NamedTuple

from brief.charts.fonts import FONT_FAMILY, load_font, text_width
from brief.untrusted import xml_safe

INK, ACCENT, MUTED = "#1a1a1a", "#2f5d8a", "#6b6b6b"


@dataclass(frozen=True)
class ChartImage:
    svg: str
    png: bytes
    alt: str
    width_in: float
    height_in: float
    title: str = ""  # what the chart shows, for its caption


def xml_text(text: str) -> str:
    """Text made safe for XML content and quoted attribute values."""
    from markupsafe import escape

    return str(escape(text))


def clean(text: str) -> str:
    # Characters XML 1.0 forbids (and a font cannot draw) would make the SVG unreadable.
    return xml_safe(text)


def wrap_to(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` in as many lines as it needs, none wider than `width` points at `size` points:
    broken between words, and a word wider than a line broken between its letters. Nothing is
    ever left out (no ellipsis)."""
    lines: list[str] = []
    line = ""
    for word in clean(" ".join(text.split())).split(" "):
        trial = f"{line} {word}" if line else word
        if text_width(trial, size, bold) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = word
        while len(line) > 1 and text_width(line, size, bold) > width:
            # The longest head that fits (at least one letter, so a very narrow line still ends).
            cut = next((i for i in range(len(line) - 1, 0, -1) if text_width(line[:i], size, bold) <= width), 1)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


# --- Drawing primitives and their two backends ------------------------------------------------------


class Rect(NamedTuple):
    x: float
    y: float
    w: float
    h: float
    fill: str


class Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float
    dash: float = 0.0  # the length of dashes and gaps; 0 for a solid line


class Circle(NamedTuple):
    cx: float
    cy: float
    r: float
    fill: str


class Text(NamedTuple):
    """Lines of text; `y` is the first line's baseline, each next line `leading` lower."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    fill: str
    anchor: str = "start"  # start, middle or end, as in SVG
    bold: bool = False
    leading: float = 1.2


class Group(NamedTuple):
    """Items kept together; the name becomes the SVG group's class."""

    name: str
    items: tuple[Any, ...]


Item = Rect | Line | Circle | Text | Group


def _n(value: float) -> str:
    """A coordinate for the SVG: two decimals at most, no trailing zeros, no "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Drawing(NamedTuple):
    """A chart as primitives in points (1/72 in), origin top left, y growing downwards.
    (Named tuples, not dataclasses: a dataclass costs a millisecond or two to define.)"""

    width: float
    height: float
    items: tuple[Item, ...]

    def to_svg(self) -> str:
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(self.width)}pt" height="{_n(self.height)}pt" '
            f'viewBox="0 0 {_n(self.width)} {_n(self.height)}" font-family="{xml_text(FONT_FAMILY)}">'
        ]
        _svg_items(self.items, out)
        out.append("</svg>\n")
        return "\n".join(out)

    def to_png(self, dpi: int = 200) -> bytes:
        from PIL import Image, ImageDraw

        # Drawn at the final size: FreeType smooths the text, bars and rules are axis-aligned;
        # only the dots are drawn larger and shrunk (see _png_dot). A canvas at twice the size
        # took twice as long for no visible gain.
        scale = dpi / 72
        image = Image.new("RGB", (round(self.width * scale), round(self.height * scale)), "white")
        _png_items(self.items, image, ImageDraw.Draw(image), scale)
        buffer = io.BytesIO()
        # No text chunks or times; fixed compression, so the same chart gives the same bytes.
        image.save(buffer, format="PNG", dpi=(dpi, dpi), optimize=False, compress_level=1)
        return buffer.getvalue()


def _svg_items(items: tuple[Any, ...], out: list[str]) -> None:
    for item in items:
        if isinstance(item, Group):
            out.append(f'<g class="{xml_text(item.name)}">')
            _svg_items(item.items, out)
            out.append("</g>")
        elif isinstance(item, Rect):
            out.append(f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" height="{_n(item.h)}" fill="{item.fill}"/>')
        elif isinstance(item, Line):
            dash = f' stroke-dasharray="{_n(item.dash)}"' if item.dash else ""
            out.append(
                f'<line x1="{_n(item.x1)}" y1="{_n(item.y1)}" x2="{_n(item.x2)}" y2="{_n(item.y2)}" '
                f'stroke="{item.stroke}" stroke-width="{_n(item.width)}"{dash}/>'
            )
        elif isinstance(item, Circle):
            out.append(f'<circle cx="{_n(item.cx)}" cy="{_n(item.cy)}" r="{_n(item.r)}" fill="{item.fill}"/>')
        else:
            # One <text> per line: every SVG renderer places those alike, tspans with dy less so.
            style = f' font-size="{_n(item.size)}" fill="{item.fill}"'
            style += f' text-anchor="{item.anchor}"' if item.anchor != "start" else ""
            style += ' font-weight="bold"' if item.bold else ""
            for i, line in enumerate(item.lines):
                y = item.y + i * item.size * item.leading
                out.append(f'<text x="{_n(item.x)}" y="{_n(y)}"{style}>{xml_text(clean(line))}</text>')


def _png_items(items: tuple[Any, ...], image: Any, draw: Any, s: float) -> None:
    for item in items:
        if isinstance(item, Group):
            _png_items(item.items, image, draw, s)
        elif isinstance(item, Rect):
            if item.w > 0 and item.h > 0:
                # Pillow's box includes its far edge, hence the - 1; a sliver still gets a pixel.
                x0, y0 = round(item.x * s), round(item.y * s)
                x1, y1 = max(x0, round((item.x + item.w) * s) - 1), max(y0, round((item.y + item.h) * s) - 1)
                draw.rectangle([x0, y0, x1, y1], fill=item.fill)
        elif isinstance(item, Line):
            width = max(1, round(item.width * s))
            for start, end in _dashes(item):
                draw.line([(start[0] * s, start[1] * s), (end[0] * s, end[1] * s)], fill=item.stroke, width=width)
        elif isinstance(item, Circle):
            _png_dot(image, item.cx * s, item.cy * s, item.r * s, item.fill)
        else:
            font = load_font(item.bold, item.size * s)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
            for i, line in enumerate(item.lines):
                y = (item.y + i * item.size * item.leading) * s
                draw.text((item.x * s, y), clean(line), fill=item.fill, font=font, anchor=anchor)


def _dashes(line: Line) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The drawn pieces of a line: itself when solid, else dashes as SVG's stroke-dasharray."""
    length = math.hypot(line.x2 - line.x1, line.y2 - line.y1)
    if not line.dash or not length:
        return [((line.x1, line.y1), (line.x2, line.y2))]
    dx, dy = (line.x2 - line.x1) / length, (line.y2 - line.y1) / length
    pieces, at = [], 0.0
    while at < length:
        end = min(at + line.dash, length)
        pieces.append(((line.x1 + dx * at, line.y1 + dy * at), (line.x1 + dx * end, line.y1 + dy * end)))
        at += 2 * line.dash
    return pieces


def _png_dot(image: Any, cx: float, cy: float, r: float, fill: str) -> None:
    """A smooth dot: Pillow's ellipse has no antialiasing, so draw its mask at 4x and shrink it."""
    from PIL import Image, ImageDraw

    k = 4
    left, top = math.floor(cx - r) - 1, math.floor(cy - r) - 1
    size = math.ceil(cx + r) + 2 - left, math.ceil(cy + r) + 2 - top
    mask = Image.new("L", (size[0] * k, size[1] * k), 0)
    box = [(cx - r - left) * k, (cy - r - top) * k, (cx + r - left) * k, (cy + r - top) * k]
    ImageDraw.Draw(mask).ellipse(box, fill=255)
    image.paste(fill, (left, top, left + size[0], top + size[1]), mask.reduce(k))


def export(drawing: Drawing, alt: str, title: str) -> ChartImage:
    """The chart's files; its size in inches is the drawing's (which grows with its content)."""
    return ChartImage(drawing.to_svg(), drawing.to_png(dpi=200), alt, drawing.width / 72, drawing.height / 72, title)


def baseline_for_middle(y: float, lines: int, size: float, leading: float = 1.2) -> float:
    """First baseline of `lines` lines whose block is centred on `y` (centred on the x-height,
    which is where the eye puts the middle of a line)."""
    return y - (lines - 1) * size * leading / 2 + 0.36 * size
