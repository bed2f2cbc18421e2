"""The timeline chart: the sources' dated events on a time axis.

Stage: charts. Labels alternate above and below the axis so they do not collide; ticks show
years, half-years, months or days, by the span of the events.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from brief.charts.drawing import ACCENT, INK, MUTED, ChartImage, Circle, Drawing, Group, Item, Line, Rect, Text, clean, export, wrap
from brief.charts.fonts import font_metrics, text_width

if TYPE_CHECKING:
    from datetime import date


@dataclass(frozen=True)
class EventPoint:
    """One dated event: ``date`` is ISO (``2020-01`` or ``2020-01-15``), ``label`` as printed."""

    date: str
    shown_date: str
    what: str


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
    return export(_timeline_drawing(dated, width * 72, height * 72), alt, width, height)


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


def _timeline_drawing(dated: list[tuple[date, EventPoint]], width: float, height: float) -> Drawing:
    margin = 3.0
    left, right = margin, width - margin
    xs = [float(d.toordinal()) for d, _ in dated]
    span = max(xs) - min(xs) or 30.0
    lo, hi = min(xs) - span * 0.12, max(xs) + span * 0.12

    def at(x: float) -> float:
        return left + (x - lo) / (hi - lo) * (right - left)

    ascent, descent = font_metrics(False)
    line_h = _EVENT_SIZE * _LEADING
    block = 2 * line_h + (ascent + descent) * _EVENT_SIZE  # the tallest label: date and two lines
    tick_axis = height - 10 - _TICK_SIZE  # the time axis with its ticks, at the bottom
    axis = (margin + tick_axis - 6) / 2  # the events' line, midway in the room above it
    near, far = 18.0, 18.0 + block + 10  # the label's near edge, above or below the events' line
    levels = [-near, near, -far, far]  # offsets from the line: negative is above
    inner = {-far: -near, far: near}

    items: list[Any] = [Line(left, axis, right, axis, MUTED, 1.0)]
    stems: list[Item] = []
    dots: list[Item] = []
    labels: list[Item] = []
    halos: list[Item] = []
    right_edge = {level: float("-inf") for level in levels}
    far_stem = {-1: float("-inf"), 1: float("-inf")}  # the last outer stem on each side
    for x_date, (_, event) in zip(xs, dated, strict=True):
        x = at(x_date)
        date_line = clean(" ".join(event.shown_date.split()))
        what = [line for line in wrap(clean(event.what), 26).split("\n") if line]
        label_w = max([text_width(date_line, _EVENT_SIZE, bold=True), *(text_width(line, _EVENT_SIZE) for line in what)])
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
            stems.append(Line(x, axis, x, axis + level + 1.5, MUTED, 0.6))
        else:  # below: the label's first line hangs from the stem
            first = axis + level + ascent * _EVENT_SIZE
            stems.append(Line(x, axis, x, axis + level - 1.5, MUTED, 0.6))
        dots.append(Circle(x, axis, 2.0, ACCENT))
        # Where rows are full, an outer label's stem must cross an inner label: a white box
        # under each label keeps its text legible, the stem passing behind it.
        top = first - ascent * _EVENT_SIZE
        halos.append(Rect(x1 - 1, top - 0.5, label_w + 2, (len(lines) - 1) * line_h + (ascent + descent) * _EVENT_SIZE + 1, "white"))
        labels.append(Text(cx, first, (date_line,), _EVENT_SIZE, INK, "middle", bold=True, leading=_LEADING))
        if what:
            labels.append(Text(cx, first + line_h, tuple(what), _EVENT_SIZE, INK, "middle", leading=_LEADING))
    items += [Group("stems", tuple(stems)), Group("events", tuple(dots)), Group("halos", tuple(halos)), Group("labels", tuple(labels))]

    ticks: list[Item] = [Line(left, tick_axis, right, tick_axis, MUTED, 0.8)]
    shown_right = float("-inf")
    for x_tick, name, first_name in _ticks(lo, hi, max(xs) - min(xs)):
        x = at(x_tick)
        name = first_name if shown_right == float("-inf") else name  # the first label says the year
        half = text_width(name, _TICK_SIZE) / 2
        # A tick whose label would be clipped at an end, or touch its neighbour's, is left out.
        if x - half >= 0 and x + half <= width and x - half > shown_right + 4:
            ticks.append(Line(x, tick_axis, x, tick_axis + 3, MUTED, 0.8))
            ticks.append(Text(x, tick_axis + 4 + ascent * _TICK_SIZE, (name,), _TICK_SIZE, MUTED, "middle"))
            shown_right = x + half
    items.append(Group("time-axis", tuple(ticks)))
    return Drawing(width, height, tuple(items))
