"""Charts: a key-figures chart and a timeline of dated events, as SVG and PNG with alt text.

Stage: part of assembly. Section templates ask for a chart with ``{{ chart("figures") }}`` or
``{{ chart("timeline") }}``; the assembler draws it here from the same figures and events the memo
cites, and the renderers place it: SVG in HTML and PDF (crisp at any size), PNG in DOCX (Word
cannot take SVG). Every chart carries a text alternative that says what it shows, so a tagged PDF
and a screen reader describe it.

matplotlib is imported only when a memo has a chart (it costs most of a second). Output is
deterministic: fixed fonts, no dates or tool names in the files, a fixed SVG id salt.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

FONT = ["Liberation Sans", "DejaVu Sans"]
INK, ACCENT, MUTED = "#1a1a1a", "#2f5d8a", "#6b6b6b"


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


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": FONT,
            "font.size": 8.5,
            # Text as outlines: the chart looks the same wherever it is drawn, and its labels do not
            # mix into the memo's text (the alt text says what the chart shows).
            "svg.fonttype": "path",
            "svg.hashsalt": "brief",  # stable ids, so two builds write the same bytes
            "axes.edgecolor": MUTED,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return pyplot


def _export(fig, alt: str, width: float, height: float) -> ChartImage:  # type: ignore[no-untyped-def]
    svg_buffer, png_buffer = io.StringIO(), io.BytesIO()
    fig.savefig(svg_buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=None)
    fig.savefig(png_buffer, format="png", dpi=200, metadata={"Software": None}, bbox_inches=None)
    from matplotlib import pyplot

    pyplot.close(fig)
    svg = re.sub(r"^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?", "", svg_buffer.getvalue())
    return ChartImage(svg, png_buffer.getvalue(), alt, width, height)


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """At most `lines` lines of `width` characters; the last one ends in an ellipsis if cut."""
    import textwrap

    return "\n".join(textwrap.wrap(" ".join(text.split()), width, max_lines=lines, placeholder="…"))


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
    plt = _pyplot()
    rows = sum(len(g) for g in groups.values())
    height = 0.45 + 0.36 * rows + 0.35 * len(groups)
    fig, axes = plt.subplots(len(groups), 1, figsize=(width, height), gridspec_kw={"height_ratios": [len(g) for g in groups.values()]})
    axes = [axes] if len(groups) == 1 else list(axes)
    for ax, (unit, group) in zip(axes, groups.items(), strict=True):
        labels = [_wrap(p.label, 36) for p in group][::-1]
        values = [p.value for p in group][::-1]
        bars = ax.barh(labels, values, color=ACCENT, height=0.6)
        top = max(values) or 1.0
        ax.set_xlim(0, top * 1.28)
        for bar, point in zip(bars, group[::-1], strict=True):
            ax.text(bar.get_width() + top * 0.015, bar.get_y() + bar.get_height() / 2, point.display, va="center", fontsize=8, color=INK)
        ax.set_title(_UNIT_TITLES.get(unit.lower(), unit), loc="left", fontsize=8.5, color=MUTED)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=8)
    fig.tight_layout(pad=0.4, h_pad=0.6)
    alt = "Bar chart of key figures, one panel per unit. " + "; ".join(f"{p.label}: {p.display}" for p in points) + "."
    return _export(fig, alt, width, height)


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
    plt = _pyplot()
    import matplotlib.dates as mdates

    height = 2.9
    fig, ax = plt.subplots(figsize=(width, height))
    xs = [mdates.date2num(d) for d, _ in dated]
    ax.axhline(0, color=MUTED, linewidth=1)
    span = max(xs) - min(xs) or 30.0
    lo, hi = min(xs) - span * 0.12, max(xs) + span * 0.12
    # A label is about 26 characters of 6.5 pt type wide; in data units, on this axis:
    half = 0.7 / (width * 0.9) * (hi - lo)
    levels = [0.35, -0.35, 1.05, -1.05]
    right_edge = {level: float("-inf") for level in levels}
    for x, (_, event) in zip(xs, dated, strict=True):
        # The first row where the label clears its neighbour, else the row it overlaps least.
        level = next((lv for lv in levels if right_edge[lv] < x - half), min(levels, key=lambda lv: right_edge[lv]))
        right_edge[level] = x + half
        ax.vlines(x, 0, level, color=MUTED, linewidth=0.6)
        ax.plot([x], [0], "o", color=ACCENT, markersize=4)
        text = f"{event.shown_date}\n{_wrap(event.what, 26)}"
        ax.text(x, level, text, ha="center", va="bottom" if level > 0 else "top", fontsize=6.5, color=INK, linespacing=1.1)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-1.85, 1.85)
    ax.yaxis.set_visible(False)
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)
    # A fixed locator per span: the automatic one warns on spans its interval table lacks.
    days = max(xs) - min(xs)
    if days > 6 * 365:
        locator = mdates.YearLocator(base=max(1, round(days / 365 / 6)))
    elif days > 2 * 365:
        locator = mdates.YearLocator()
    elif days > 300:
        locator = mdates.MonthLocator(bymonth=(1, 7))
    else:
        locator = mdates.MonthLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.tick_params(axis="x", labelsize=7)
    fig.tight_layout(pad=0.3)
    first, last = dated[0][1], dated[-1][1]
    alt = (
        f"Timeline of {len(dated)} events from {first.shown_date} to {last.shown_date}: "
        + "; ".join(f"{e.shown_date}, {e.what}" for _, e in dated)
        + "."
    )
    return _export(fig, alt, width, height)
