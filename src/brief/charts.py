"""Charts: a key-figures chart and a timeline of dated events, as SVG and PNG with alt text.

Stage: part of assembly. Section templates ask for a chart with ``{{ chart("figures") }}`` or
``{{ chart("timeline") }}``; the assembler draws it here from the same figures and events the memo
cites, and the renderers place it: SVG in HTML and PDF (crisp at any size), PNG in DOCX (Word
cannot take SVG). Every chart carries a text alternative that says what it shows, so a tagged PDF
and a screen reader describe it.

The charts are drawn by a small layer of our own rather than matplotlib: importing matplotlib cost
about a second in every build worker and drawing a quarter of a second per chart, more than the
rest of a memo build bar WeasyPrint. A chart's layout is computed once, in points, as a list of
primitives (rectangles, lines, circles, text); two backends write them: hand-built SVG text and a
Pillow raster for the PNG. Text is measured with Pillow on the same font file fontconfig hands
WeasyPrint, so labels fit the same way in both. Pillow is imported only when a chart is drawn.

Output is deterministic: no dates, random ids or tool names in the files, so with the same font
files and Pillow the same input gives the same bytes (layout depends on the measured widths).
Every text in the SVG is XML-escaped, as labels come from source text.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from datetime import date

FONT = ["Liberation Sans", "DejaVu Sans"]
INK, ACCENT, MUTED = "#1a1a1a", "#2f5d8a", "#6b6b6b"
_FONT_FAMILY = ", ".join([*FONT, "sans-serif"])


@dataclass(frozen=True)
class FigurePoint:
    """One figure to chart: its label, numeric value, unit and the text the memo prints."""

    label: str
    value: float
    unit: str
    display: str


@dataclass(frozen=True)
class EventPoint:
    """One dated event: ``date`` is ISO (``2020-01`` or ``2020-01-15``), ``label`` as printed."""

    date: str
    shown_date: str
    what: str


@dataclass(frozen=True)
class ChartImage:
    svg: str
    png: bytes
    alt: str
    width_in: float
    height_in: float


_UNIT_TITLES = {"count": "Counts", "percent": "Percent", "usd": "U.S. dollars", "mxn": "Mexican pesos", "rate": "Rates"}


# --- Fonts and text measurement -------------------------------------------------------------------

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
def _font_files() -> tuple[str | None, str | None]:
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
def _font(bold: bool, size: float) -> Any:
    """A Pillow font of `size` pixels; Pillow's own scalable font when neither family is here."""
    from PIL import ImageFont

    path = _font_files()[bold]
    if path is not None:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


_REFERENCE = 100.0  # measure at 100 px and scale: near-linear, and unaffected by hinting


def _width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of `text` in points at `size` points."""
    return _font(bold, _REFERENCE).getlength(text) * size / _REFERENCE


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> tuple[float, float]:
    """Ascent and descent as fractions of the font size."""
    font = _font(bold, _REFERENCE)
    if hasattr(font, "getmetrics"):
        ascent, descent = font.getmetrics()
        return ascent / _REFERENCE, descent / _REFERENCE
    return 0.9, 0.22


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """Text made safe for XML content and quoted attribute values."""
    from markupsafe import escape

    return str(escape(text))


def _clean(text: str) -> str:
    # Characters XML 1.0 forbids (and a font cannot draw) would make the SVG unreadable.
    return _UNSAFE.sub("", text)


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """At most `lines` lines of `width` characters; the last one ends in an ellipsis if cut."""
    import textwrap

    return "\n".join(textwrap.wrap(" ".join(text.split()), width, max_lines=lines, placeholder="…"))


# --- Drawing primitives and their two backends ------------------------------------------------------


class _Rect(NamedTuple):
    x: float
    y: float
    w: float
    h: float
    fill: str


class _Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float


class _Circle(NamedTuple):
    cx: float
    cy: float
    r: float
    fill: str


class _Text(NamedTuple):
    """Lines of text; `y` is the first line's baseline, each next line `leading` lower."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    fill: str
    anchor: str = "start"  # start, middle or end, as in SVG
    bold: bool = False
    leading: float = 1.2


class _Group(NamedTuple):
    """Items kept together; the name becomes the SVG group's class."""

    name: str
    items: tuple[Any, ...]


_Item = _Rect | _Line | _Circle | _Text | _Group


def _n(value: float) -> str:
    """A coordinate for the SVG: two decimals at most, no trailing zeros, no "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Drawing(NamedTuple):
    """A chart as primitives in points (1/72 in), origin top left, y growing downwards.
    (Named tuples, not dataclasses: a dataclass costs a millisecond or two to define.)"""

    width: float
    height: float
    items: tuple[_Item, ...]

    def to_svg(self) -> str:
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(self.width)}pt" height="{_n(self.height)}pt" '
            f'viewBox="0 0 {_n(self.width)} {_n(self.height)}" font-family="{_escape(_FONT_FAMILY)}">'
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
        if isinstance(item, _Group):
            out.append(f'<g class="{_escape(item.name)}">')
            _svg_items(item.items, out)
            out.append("</g>")
        elif isinstance(item, _Rect):
            out.append(f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" height="{_n(item.h)}" fill="{item.fill}"/>')
        elif isinstance(item, _Line):
            out.append(
                f'<line x1="{_n(item.x1)}" y1="{_n(item.y1)}" x2="{_n(item.x2)}" y2="{_n(item.y2)}" '
                f'stroke="{item.stroke}" stroke-width="{_n(item.width)}"/>'
            )
        elif isinstance(item, _Circle):
            out.append(f'<circle cx="{_n(item.cx)}" cy="{_n(item.cy)}" r="{_n(item.r)}" fill="{item.fill}"/>')
        else:
            # One <text> per line: every SVG renderer places those alike, tspans with dy less so.
            style = f' font-size="{_n(item.size)}" fill="{item.fill}"'
            style += f' text-anchor="{item.anchor}"' if item.anchor != "start" else ""
            style += ' font-weight="bold"' if item.bold else ""
            for i, line in enumerate(item.lines):
                y = item.y + i * item.size * item.leading
                out.append(f'<text x="{_n(item.x)}" y="{_n(y)}"{style}>{_escape(_clean(line))}</text>')


def _png_items(items: tuple[Any, ...], image: Any, draw: Any, s: float) -> None:
    for item in items:
        if isinstance(item, _Group):
            _png_items(item.items, image, draw, s)
        elif isinstance(item, _Rect):
            if item.w > 0 and item.h > 0:
                # Pillow's box includes its far edge, hence the - 1; a sliver still gets a pixel.
                x0, y0 = round(item.x * s), round(item.y * s)
                x1, y1 = max(x0, round((item.x + item.w) * s) - 1), max(y0, round((item.y + item.h) * s) - 1)
                draw.rectangle([x0, y0, x1, y1], fill=item.fill)
        elif isinstance(item, _Line):
            draw.line([(item.x1 * s, item.y1 * s), (item.x2 * s, item.y2 * s)], fill=item.stroke, width=max(1, round(item.width * s)))
        elif isinstance(item, _Circle):
            _png_dot(image, item.cx * s, item.cy * s, item.r * s, item.fill)
        else:
            font = _font(item.bold, item.size * s)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
            for i, line in enumerate(item.lines):
                y = (item.y + i * item.size * item.leading) * s
                draw.text((item.x * s, y), _clean(line), fill=item.fill, font=font, anchor=anchor)


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


def _export(drawing: _Drawing, alt: str, width: float, height: float) -> ChartImage:
    return ChartImage(drawing.to_svg(), drawing.to_png(dpi=200), alt, width, height)


def _baseline_for_middle(y: float, lines: int, size: float, leading: float = 1.2) -> float:
    """First baseline of `lines` lines whose block is centred on `y` (centred on the x-height,
    which is where the eye puts the middle of a line)."""
    return y - (lines - 1) * size * leading / 2 + 0.36 * size


# --- Key figures ------------------------------------------------------------------------------------


def figures_chart(points: list[FigurePoint], width: float = 6.3) -> ChartImage | None:
    """Horizontal bars, one panel per unit: figures in different units never share an axis."""
    return _figures_chart(tuple(points), width)


# Audiences of one brief often chart the same data; a small cache keeps a server's memory bounded.
@lru_cache(maxsize=8)
def _figures_chart(all_points: tuple[FigurePoint, ...], width: float) -> ChartImage | None:
    points = [p for p in all_points if p.value >= 0]
    if not points:
        return None
    groups: dict[str, list[FigurePoint]] = {}
    for point in points:
        groups.setdefault(point.unit, []).append(point)
    rows = sum(len(g) for g in groups.values())
    height = 0.45 + 0.36 * rows + 0.35 * len(groups)
    alt = "Bar chart of key figures, one panel per unit. " + "; ".join(f"{p.label}: {p.display}" for p in points) + "."
    return _export(_figures_drawing(groups, width * 72, height * 72), alt, width, height)


_LABEL_SIZE, _VALUE_SIZE, _TITLE_SIZE = 8.0, 8.0, 8.5


def _figures_drawing(groups: dict[str, list[FigurePoint]], width: float, height: float) -> _Drawing:
    margin, gap, title_h, panel_gap = 4.0, 6.0, 14.0, 8.0
    # Labels wrap at 36 characters; a run of wide letters may need fewer to keep the column
    # within 45 % of the chart, so the bars keep their room.
    labels: dict[FigurePoint, list[str]] = {}
    for p in (p for group in groups.values() for p in group):
        for chars in range(36, 11, -2):
            labels[p] = _wrap(_clean(p.label), chars).split("\n")
            if max(_width(line, _LABEL_SIZE) for line in labels[p]) <= 0.45 * width:
                break
    label_w = max((_width(line, _LABEL_SIZE) for lines in labels.values() for line in lines), default=0.0)
    x0 = margin + label_w + gap  # the bars' baseline axis
    span = width - margin - x0  # room for the longest bar and its printed value
    rows = sum(len(g) for g in groups.values())
    row_h = (height - 2 * margin - len(groups) * title_h - (len(groups) - 1) * panel_gap) / rows
    pad = 3.0  # between a bar's end and its value
    items: list[Any] = []
    y = margin
    for unit, group in groups.items():
        panel: list[_Item] = []
        title = _clean(_UNIT_TITLES.get(unit.lower(), unit))
        panel.append(_Text(x0, y + _metrics(False)[0] * _TITLE_SIZE, (title,), _TITLE_SIZE, MUTED))
        y += title_h
        top = max(p.value for p in group) or 1.0
        # Scale to 1.28 x the largest value, as before, leaving room for the printed values; a
        # value too long for that room shrinks the scale so it is never clipped at the right.
        scale = span / (top * 1.28)
        for p in group:
            value_w = _width(_clean(p.display), _VALUE_SIZE)
            if p.value * scale + pad + value_w > span:
                scale = max(0.0, span - pad - value_w) / p.value if p.value else scale
        panel.append(_Line(x0, y, x0, y + row_h * len(group), MUTED, 0.8))
        for p in group:
            middle = y + row_h / 2
            bar_h = min(row_h * 0.6, 18.0)
            bar_w = p.value * scale
            panel.append(_Rect(x0, middle - bar_h / 2, bar_w, bar_h, ACCENT))
            lines = tuple(line for line in labels[p] if line)
            if lines:
                panel.append(_Text(x0 - gap, _baseline_for_middle(middle, len(lines), _LABEL_SIZE), lines, _LABEL_SIZE, INK, "end"))
            base = _baseline_for_middle(middle, 1, _VALUE_SIZE)
            panel.append(_Text(x0 + bar_w + pad, base, (_clean(p.display),), _VALUE_SIZE, INK))
            y += row_h
        items.append(_Group("panel", tuple(panel)))
        y += panel_gap
    return _Drawing(width, height, tuple(items))


# --- Timeline ---------------------------------------------------------------------------------------


def timeline_chart(events: list[EventPoint], width: float = 6.3, limit: int = 10) -> ChartImage | None:
    """Events on a time axis, labels alternating above and below so they do not collide."""
    return _timeline_chart(tuple(events), width, limit)


@lru_cache(maxsize=8)
def _timeline_chart(events: tuple[EventPoint, ...], width: float, limit: int) -> ChartImage | None:
    from datetime import date

    dated = []
    for event in events:
        parts = [int(x) for x in re.findall(r"\d+", event.date)[:3]]
        if not parts:
            continue
        year, month, day = [*parts, 1, 1][:3]
        dated.append((date(year, month, day), event))
    if len(dated) < 2:
        return None
    dated = sorted(dated, key=lambda item: item[0])[-limit:]
    height = 2.9
    first, last = dated[0][1], dated[-1][1]
    alt = (
        f"Timeline of {len(dated)} events from {first.shown_date} to {last.shown_date}: "
        + "; ".join(f"{e.shown_date}, {e.what}" for _, e in dated)
        + "."
    )
    return _export(_timeline_drawing(dated, width * 72, height * 72), alt, width, height)


_EVENT_SIZE, _TICK_SIZE, _LEADING = 6.5, 7.0, 1.2
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _ticks(lo: float, hi: float, days: float) -> list[tuple[float, str, str]]:
    """Tick positions (proleptic ordinals) between `lo` and `hi`, each with its label and the label
    to use if it is the first one shown (with the year): years when the
    events span more than two years, every 1, 2, 5, 10... years so that at most eight show;
    half-years over ten months or more; months below that; days when fewer than two months show."""
    from datetime import date

    # Clamped to the calendar: the padding may reach past year 1 or year 9999.
    first = date.fromordinal(max(1, math.ceil(lo)))
    final = date.fromordinal(min(date.max.toordinal(), math.floor(hi)))
    found: list[tuple[float, str, str]] = []
    if days > 2 * 365:
        for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
            start = first.year + (-first.year) % step
            found = [(float(date(y, 1, 1).toordinal()), str(y), str(y)) for y in range(start, final.year + 1, step)]
            found = [tick for tick in found if lo <= tick[0] <= hi]
            if len(found) <= 8:
                break
        return found
    months = (1, 7) if days > 300 else tuple(range(1, 13))
    for year in range(first.year, final.year + 1):
        for month in months:
            x = date(year, month, 1).toordinal()
            if lo <= x <= hi:
                # The year at each January, the month elsewhere.
                name = str(year) if month == 1 else _MONTHS[month - 1]
                found.append((float(x), name, str(year) if month == 1 else f"{name} {year}"))
    if len(found) >= 2:
        return found
    found, step = [], next((s for s in (1, 2, 5, 7, 14) if (hi - lo) / s <= 7), 28)
    for x in range(math.ceil(first.toordinal() / step) * step, final.toordinal() + 1, step):
        day = date.fromordinal(x)
        name = f"{_MONTHS[day.month - 1]} {day.day}"
        found.append((float(x), name, f"{name}, {day.year}"))
    return found


def _timeline_drawing(dated: list[tuple[date, EventPoint]], width: float, height: float) -> _Drawing:
    margin = 3.0
    left, right = margin, width - margin
    xs = [float(d.toordinal()) for d, _ in dated]
    span = max(xs) - min(xs) or 30.0
    lo, hi = min(xs) - span * 0.12, max(xs) + span * 0.12

    def at(x: float) -> float:
        return left + (x - lo) / (hi - lo) * (right - left)

    ascent, descent = _metrics(False)
    line_h = _EVENT_SIZE * _LEADING
    block = 2 * line_h + (ascent + descent) * _EVENT_SIZE  # the tallest label: date and two lines
    tick_axis = height - 10 - _TICK_SIZE  # the time axis with its ticks, at the bottom
    axis = (margin + tick_axis - 6) / 2  # the events' line, midway in the room above it
    near, far = 18.0, 18.0 + block + 10  # the label's near edge, above or below the events' line
    levels = [-near, near, -far, far]  # offsets from the line: negative is above
    inner = {-far: -near, far: near}

    items: list[Any] = [_Line(left, axis, right, axis, MUTED, 1.0)]
    stems: list[_Item] = []
    dots: list[_Item] = []
    labels: list[_Item] = []
    halos: list[_Item] = []
    right_edge = {level: float("-inf") for level in levels}
    far_stem = {-1: float("-inf"), 1: float("-inf")}  # the last outer stem on each side
    for x_date, (_, event) in zip(xs, dated, strict=True):
        x = at(x_date)
        date_line = _clean(" ".join(event.shown_date.split()))
        what = [line for line in _wrap(_clean(event.what), 26).split("\n") if line]
        label_w = max([_width(date_line, _EVENT_SIZE, bold=True), *(_width(line, _EVENT_SIZE) for line in what)])
        # Centred on its event, but slid inwards rather than clipped at either end.
        cx = min(max(x, left + label_w / 2), right - label_w / 2)
        x1, x2 = cx - label_w / 2, cx + label_w / 2

        def clear(level: float, x: float = x, x1: float = x1) -> bool:
            # Clear of the last label on its row; an outer label's stem also crosses the inner
            # row, and an inner label must not cover the stem of an outer one to its left.
            side = 1 if level > 0 else -1
            if right_edge[level] + 4 >= x1:
                return False
            if level in inner:
                return right_edge[inner[level]] + 2 < x
            return far_stem[side] + 2 < x1

        # The first row where the label clears its neighbours, else the row it overlaps least.
        level = next((lv for lv in levels if clear(lv)), min(levels, key=lambda lv: right_edge[lv]))
        right_edge[level] = x2
        if level in inner:
            far_stem[1 if level > 0 else -1] = x
        lines = [date_line, *what]
        if level < 0:  # above: the label's last line sits on the stem
            first = axis + level - descent * _EVENT_SIZE - (len(lines) - 1) * line_h
            stems.append(_Line(x, axis, x, axis + level + 1.5, MUTED, 0.6))
        else:  # below: the label's first line hangs from the stem
            first = axis + level + ascent * _EVENT_SIZE
            stems.append(_Line(x, axis, x, axis + level - 1.5, MUTED, 0.6))
        dots.append(_Circle(x, axis, 2.0, ACCENT))
        # Where rows are full, an outer label's stem must cross an inner label: a white box
        # under each label keeps its text legible, the stem passing behind it.
        top = first - ascent * _EVENT_SIZE
        halos.append(_Rect(x1 - 1, top - 0.5, label_w + 2, (len(lines) - 1) * line_h + (ascent + descent) * _EVENT_SIZE + 1, "white"))
        labels.append(_Text(cx, first, (date_line,), _EVENT_SIZE, INK, "middle", bold=True, leading=_LEADING))
        if what:
            labels.append(_Text(cx, first + line_h, tuple(what), _EVENT_SIZE, INK, "middle", leading=_LEADING))
    items += [_Group("stems", tuple(stems)), _Group("events", tuple(dots)), _Group("halos", tuple(halos)), _Group("labels", tuple(labels))]

    ticks: list[_Item] = [_Line(left, tick_axis, right, tick_axis, MUTED, 0.8)]
    shown_right = float("-inf")
    for x_tick, name, first_name in _ticks(lo, hi, max(xs) - min(xs)):
        x = at(x_tick)
        name = first_name if shown_right == float("-inf") else name  # the first label says the year
        half = _width(name, _TICK_SIZE) / 2
        # A tick whose label would be clipped at an end, or touch its neighbour's, is left out.
        if x - half >= 0 and x + half <= width and x - half > shown_right + 4:
            ticks.append(_Line(x, tick_axis, x, tick_axis + 3, MUTED, 0.8))
            ticks.append(_Text(x, tick_axis + 4 + ascent * _TICK_SIZE, (name,), _TICK_SIZE, MUTED, "middle"))
            shown_right = x + half
    items.append(_Group("time-axis", tuple(ticks)))
    return _Drawing(width, height, tuple(items))
