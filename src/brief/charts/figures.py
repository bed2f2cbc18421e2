"""The key-figures chart: horizontal bars, one panel per unit.

Stage: charts. The assembler charts the key figures a memo shows, with the text the memo prints
for each value; figures in different units never share an axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from brief.charts.drawing import (
    ACCENT,
    INK,
    MUTED,
    ChartImage,
    Drawing,
    Group,
    Item,
    Line,
    Rect,
    Text,
    baseline_for_middle,
    clean,
    export,
    wrap,
)
from brief.charts.fonts import font_metrics, text_width


@dataclass(frozen=True)
class FigurePoint:
    """One figure to chart: its label, numeric value, unit and the text the memo prints."""

    label: str
    value: float
    unit: str
    display: str


_UNIT_TITLES = {"count": "Counts", "percent": "Percent", "usd": "U.S. dollars", "mxn": "Mexican pesos", "rate": "Rates"}


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
    return export(_figures_drawing(groups, width * 72, height * 72), alt, width, height)


_LABEL_SIZE, _VALUE_SIZE, _TITLE_SIZE = 8.0, 8.0, 8.5


def _figures_drawing(groups: dict[str, list[FigurePoint]], width: float, height: float) -> Drawing:
    margin, gap, title_h, panel_gap = 4.0, 6.0, 14.0, 8.0
    # Labels wrap at 36 characters; a run of wide letters may need fewer to keep the column
    # within 45 % of the chart, so the bars keep their room.
    labels: dict[FigurePoint, list[str]] = {}
    for p in (p for group in groups.values() for p in group):
        for chars in range(36, 11, -2):
            labels[p] = wrap(clean(p.label), chars).split("\n")
            if max(text_width(line, _LABEL_SIZE) for line in labels[p]) <= 0.45 * width:
                break
    label_w = max((text_width(line, _LABEL_SIZE) for lines in labels.values() for line in lines), default=0.0)
    x0 = margin + label_w + gap  # the bars' baseline axis
    span = width - margin - x0  # room for the longest bar and its printed value
    rows = sum(len(g) for g in groups.values())
    row_h = (height - 2 * margin - len(groups) * title_h - (len(groups) - 1) * panel_gap) / rows
    pad = 3.0  # between a bar's end and its value
    items: list[Any] = []
    y = margin
    for unit, group in groups.items():
        panel: list[Item] = []
        title = clean(_UNIT_TITLES.get(unit.lower(), unit))
        panel.append(Text(x0, y + font_metrics(False)[0] * _TITLE_SIZE, (title,), _TITLE_SIZE, MUTED))
        y += title_h
        top = max(p.value for p in group) or 1.0
        # Scale to 1.28 x the largest value, as before, leaving room for the printed values; a
        # value too long for that room shrinks the scale so it is never clipped at the right.
        scale = span / (top * 1.28)
        for p in group:
            value_w = text_width(clean(p.display), _VALUE_SIZE)
            if p.value * scale + pad + value_w > span:
                scale = max(0.0, span - pad - value_w) / p.value if p.value else scale
        panel.append(Line(x0, y, x0, y + row_h * len(group), MUTED, 0.8))
        for p in group:
            middle = y + row_h / 2
            bar_h = min(row_h * 0.6, 18.0)
            bar_w = p.value * scale
            panel.append(Rect(x0, middle - bar_h / 2, bar_w, bar_h, ACCENT))
            lines = tuple(line for line in labels[p] if line)
            if lines:
                panel.append(Text(x0 - gap, baseline_for_middle(middle, len(lines), _LABEL_SIZE), lines, _LABEL_SIZE, INK, "end"))
            base = baseline_for_middle(middle, 1, _VALUE_SIZE)
            panel.append(Text(x0 + bar_w + pad, base, (clean(p.display),), _VALUE_SIZE, INK))
            y += row_h
        items.append(Group("panel", tuple(panel)))
        y += panel_gap
    return Drawing(width, height, tuple(items))
