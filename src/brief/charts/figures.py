"""The key-figures chart: horizontal bars with their values, one panel per comparable measure.

Stage: charts. Two figures share an axis only when a reader can compare them: the same unit, the
same kind of measure (a level, a share, a change, a rate: read from the words of the label and
unit, :func:`measure_kind`) and the same order of magnitude (within :data:`MAGNITUDE` of each
other). A measure with one figure gets no panel (the table beside the chart gives it), and when
no panel of two remains there is no chart: it would only repeat the table. Labels wrap, in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from brief.charts.drawing import ACCENT, INK, MUTED, ChartImage, Drawing, Group, Item, Line, Rect, Text, clean, export, wrap_to
from brief.charts.fonts import font_metrics, text_width


@dataclass(frozen=True)
class FigurePoint:
    """One figure to chart: its label, numeric value, unit and the text the memo prints."""

    label: str
    value: float
    unit: str
    display: str


MAGNITUDE = 20.0  # the largest ratio of two values drawn on one axis: past it, the small bar vanishes

# Words that make a figure a change (between two times), a share (a part of a whole) or a rate
# (per something); any other figure is a level. Read in the label and the unit together.
_CHANGE = re.compile(
    r"\b(growth|grew|grown|increase[sd]?|decrease[sd]?|change[sd]?|ris(e|es|en)|rose|fall(s|en)?|fell|drop(s|ped)?|declin(e|es|ed)|gain(s|ed)?)\b"
)
_SHARE = re.compile(r"\b(share|proportion|fraction|portion|part)\b")
_RATE = re.compile(r"\b(rate|per|each|every|average|annual|monthly|daily|yearly|a (year|month|day))\b")
_PERCENT = {"percent", "%", "pct", "per cent", "percentage", "percentage points", "pp"}
_UNIT_TITLES = {"count": "Number", "percent": "Percent", "usd": "U.S. dollars", "mxn": "Mexican pesos", "gbp": "Pounds sterling",
                "eur": "Euros", "cad": "Canadian dollars", "times": "Multiple"}  # fmt: skip


def _unit(unit: str) -> str:
    key = " ".join(unit.lower().split())
    return "percent" if key in _PERCENT else key


def measure_kind(label: str, unit: str) -> str:
    """'change', 'share', 'rate' or 'level', read from the words of a figure's label and unit.
    "Of" makes a percentage a share ("70% of firearms recovered"), not any other figure."""
    words = f"{label} {unit}".lower()
    if _CHANGE.search(words):
        return "change"
    if _SHARE.search(words) or (_unit(unit) == "percent" and re.search(r"\bof\b", words)):
        return "share"
    if _RATE.search(words):
        return "rate"
    return "level"


def _panel_title(unit: str, kind: str) -> str:
    title = _UNIT_TITLES.get(unit, unit)
    return title if kind == "level" else f"{kind.capitalize()}, {title[:1].lower()}{title[1:]}"


def comparable_groups(points: list[FigurePoint]) -> list[tuple[str, list[FigurePoint]]]:
    """The panels to draw, each a title and its figures (largest first): figures of one unit,
    kind and order of magnitude, two or more of them. Figures that compare with none are left
    out (the memo's table gives them)."""
    by_measure: dict[tuple[str, str], list[FigurePoint]] = {}
    for p in points:
        by_measure.setdefault((_unit(p.unit), measure_kind(p.label, p.unit)), []).append(p)
    panels = []
    for (unit, kind), group in by_measure.items():
        cluster: list[FigurePoint] = []
        for p in sorted(group, key=lambda p: -abs(p.value)):
            # Within MAGNITUDE of the cluster's largest value, or the start of a new cluster.
            if cluster and abs(cluster[0].value) > MAGNITUDE * abs(p.value):
                if len(cluster) > 1:
                    panels.append((_panel_title(unit, kind), cluster))
                cluster = []
            cluster.append(p)
        if len(cluster) > 1:
            panels.append((_panel_title(unit, kind), cluster))
    return [(title, sorted(group, key=lambda p: -p.value)) for title, group in panels]


def figures_chart(points: list[FigurePoint], width: float = 6.3) -> ChartImage | None:
    """Bars with their values, one panel per comparable measure; None when no two figures
    compare (the table says it all)."""
    return _figures_chart(tuple(points), width)


# Audiences of one brief often chart the same data; a small cache keeps a server's memory bounded.
@lru_cache(maxsize=8)
def _figures_chart(all_points: tuple[FigurePoint, ...], width: float) -> ChartImage | None:
    panels = comparable_groups(list(all_points))
    if not panels:
        return None
    count = sum(len(group) for _, group in panels)
    alt = (
        f"Bar chart comparing {count} key figures"
        + (f" in {len(panels)} panels" if len(panels) > 1 else "")
        + ". "
        + " ".join(f"{clean(title)}: " + "; ".join(f"{clean(p.label)}, {clean(p.display)}" for p in group) + "." for title, group in panels)
    )
    title = "Key figures compared" + (f": {panels[0][0].lower()}" if len(panels) == 1 else "")
    return export(_figures_drawing(panels, width * 72), alt, title)


_LABEL_SIZE, _VALUE_SIZE, _TITLE_SIZE, _LEADING = 8.0, 8.0, 8.0, 1.2


def _figures_drawing(panels: list[tuple[str, list[FigurePoint]]], width: float) -> Drawing:
    margin, gap, pad, panel_gap = 4.0, 6.0, 3.0, 10.0
    ascent, descent = font_metrics(False)
    line_h = _LABEL_SIZE * _LEADING
    # Labels wrap in full into a column of at most 42 % of the chart, so the bars keep their room.
    label_w = 0.42 * (width - 2 * margin)
    labels = {p: wrap_to(p.label, label_w, _LABEL_SIZE) for _, group in panels for p in group}
    label_w = max(text_width(line, _LABEL_SIZE) for lines in labels.values() for line in lines)
    x0 = margin + label_w + gap  # where the bars' room starts
    span = width - margin - x0
    items: list[Any] = []
    y = margin
    for title, group in panels:
        panel: list[Item] = [Text(x0, y + ascent * _TITLE_SIZE, (clean(title),), _TITLE_SIZE, MUTED, bold=True)]
        y += (ascent + descent) * _TITLE_SIZE + 4
        # One scale for the panel, from zero: the bars and their values fit the room on both
        # sides of zero (a change may be negative).
        shown = {p: clean(p.display) for p in group}
        hi, lo = max(0.0, *(p.value for p in group)), min(0.0, *(p.value for p in group))
        right_text = max((text_width(shown[p], _VALUE_SIZE) + pad for p in group if p.value >= 0), default=0.0)
        left_text = max((text_width(shown[p], _VALUE_SIZE) + pad for p in group if p.value < 0), default=0.0)
        scale = max(0.0, span - right_text - left_text) / ((hi - lo) or 1.0)
        zero = x0 + left_text - lo * scale
        top = y
        for p in group:
            lines = labels[p]
            row_h = max(len(lines) * line_h, 16.0) + 4
            middle = y + row_h / 2
            bar_h = 11.0
            x1, x2 = sorted((zero, zero + p.value * scale))
            panel.append(Rect(x1, middle - bar_h / 2, x2 - x1, bar_h, ACCENT))
            first = middle - (len(lines) - 1) * line_h / 2 + 0.36 * _LABEL_SIZE
            panel.append(Text(x0 - gap, first, tuple(lines), _LABEL_SIZE, INK, "end", leading=_LEADING))
            base = middle + 0.36 * _VALUE_SIZE
            if p.value >= 0:
                panel.append(Text(x2 + pad, base, (shown[p],), _VALUE_SIZE, INK, bold=True))
            else:
                panel.append(Text(x1 - pad, base, (shown[p],), _VALUE_SIZE, INK, "end", bold=True))
            y += row_h
        panel.append(Line(zero, top, zero, y, MUTED, 0.8))
        items.append(Group("panel", tuple(panel)))
        y += panel_gap
    return Drawing(width, y - panel_gap + margin, tuple(items))
