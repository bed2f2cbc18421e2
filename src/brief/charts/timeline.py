"""The timeline chart: the chronology's events down a time line, each with its full label.

Stage: charts. The chart shows the events the chronology lists (the ones most tied to the brief,
chosen in assembly), oldest first: the date in a column on the left, a dot on a vertical line, the
label on the right, wrapped in full (never cut), so the chart grows in height with its labels.
What the list beside it cannot show is time: the space between two events grows with the time
between them, and a long pause (years, when the other events are months apart) breaks the line
with its length written in it ("11 years").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from brief.charts.drawing import ACCENT, INK, MUTED, ChartImage, Circle, Drawing, Group, Item, Line, Text, clean, export, wrap_to
from brief.charts.fonts import font_metrics, text_width

if TYPE_CHECKING:
    from datetime import date


@dataclass(frozen=True)
class EventPoint:
    """One dated event: ``date`` is ISO (``2020-01`` or ``2020-01-15``), ``label`` as printed."""

    date: str
    shown_date: str
    what: str


def timeline_chart(events: list[EventPoint], width: float = 6.3) -> ChartImage | None:
    """Every dated event down a time line, oldest first; None for fewer than two."""
    return _timeline_chart(tuple(events), width)


@lru_cache(maxsize=8)
def _timeline_chart(events: tuple[EventPoint, ...], width: float) -> ChartImage | None:
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
    dated.sort(key=lambda item: item[0])
    first, last = dated[0], dated[-1]
    alt = (
        f"Timeline of {len(dated)} events from {clean(first[1].shown_date)} to {clean(last[1].shown_date)}: "
        + "; ".join(f"{clean(e.shown_date)}, {clean(e.what)}" for _, e in dated)
        + "."
    )
    years = str(first[0].year) if first[0].year == last[0].year else f"{first[0].year}–{last[0].year}"
    return export(_timeline_drawing(dated, width * 72), alt, f"Timeline of the chronology, {years}")


_DATE_SIZE, _EVENT_SIZE, _GAP_SIZE, _LEADING = 8.0, 8.0, 7.0, 1.2


def _pause(days: int) -> str:
    """A long pause in words: "11 years", "18 months"."""
    if days >= 700:
        years = round(days / 365.25)
        return f"{years} years"
    return f"{round(days / 30.44)} months"


def _timeline_drawing(dated: list[tuple[date, EventPoint]], width: float) -> Drawing:
    margin, gutter = 4.0, 9.0
    ascent, descent = font_metrics(False)
    line_h = _EVENT_SIZE * _LEADING
    # The date column is as wide as its widest date, up to a quarter of the chart (then dates wrap).
    date_w = min(max(text_width(clean(" ".join(e.shown_date.split())), _DATE_SIZE, bold=True) for _, e in dated), 0.25 * width)
    rule_x = margin + date_w + gutter
    text_x = rule_x + gutter
    text_w = width - margin - text_x
    # Time between events becomes room: 4 pt more for the longest step on a log scale, with a
    # break in the line and its length written when a step is a year or more and over four times
    # the typical (median) step.
    steps = [(b - a).days for (a, _), (b, _) in pairwise(dated)]
    typical = sorted(steps)[len(steps) // 2]
    longest = max(max(steps), 1)
    items: list[Item] = []
    dots: list[Item] = []
    segments: list[Item] = []
    y = margin
    previous_dot: float | None = None
    for i, (_, event) in enumerate(dated):
        if i:
            step = steps[i - 1]
            room = 6.0 + 14.0 * math.log1p(step) / math.log1p(longest)
            pause = step >= 365 and step > 4 * typical
            if pause:
                room = max(room, (ascent + descent) * _GAP_SIZE + 10)
                middle = y + room / 2
                items.append(Text(text_x, middle + 0.36 * _GAP_SIZE, (_pause(step),), _GAP_SIZE, MUTED))
            y += room
        dates = wrap_to(event.shown_date, date_w, _DATE_SIZE, bold=True)
        what = wrap_to(event.what, text_w, _EVENT_SIZE)
        first = y + ascent * _EVENT_SIZE
        dot_y = first - 0.36 * _EVENT_SIZE  # on the first line's x-height middle
        items.append(Text(rule_x - gutter, first, tuple(dates), _DATE_SIZE, INK, "end", bold=True, leading=_LEADING))
        items.append(Text(text_x, first, tuple(what), _EVENT_SIZE, INK, leading=_LEADING))
        if previous_dot is not None:
            dash = 2.0 if steps[i - 1] >= 365 and steps[i - 1] > 4 * typical else 0.0
            segments.append(Line(rule_x, previous_dot, rule_x, dot_y, MUTED, 0.8, dash))
        dots.append(Circle(rule_x, dot_y, 2.6, ACCENT))
        previous_dot = dot_y
        y += (max(len(dates), len(what)) - 1) * line_h + (ascent + descent) * _EVENT_SIZE
    drawn: list[Any] = [Group("line", tuple(segments)), Group("events", tuple(dots)), Group("labels", tuple(items))]
    return Drawing(width, y + margin, tuple(drawn))
