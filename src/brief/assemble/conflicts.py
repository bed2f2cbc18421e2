"""Conflicts: figures that measure the same thing but cannot both be right.

Stage: assembly (the staff memo's "Where Sources Differ" section); ``brief check`` reports the
same conflicts, one line each. Two figures of different sources measure the same thing when their units are of
one family, their periods overlap and their labels share most of their words; a label must name
at least two things ("homicides in Mexico", not "figure" or "day"), or any two numbers of a
vague label would be set against each other. They conflict when:

- their values differ (a range conflicts with a value outside it);
- one is a monthly rate and the other a yearly total that twelve months of it do not match;
- both are called a record, and the later record is lower than the earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from brief.inputs.models import Figure
from brief.inputs.summaries import LoadedSummary

_STOP = {"the", "a", "an", "of", "in", "to", "for", "by", "and", "or", "at", "on", "from", "with", "after", "that", "its", "their"}
# Words that say a number is there, not what it counts.
_VAGUE = {"figur", "numbe", "total", "amoun", "count", "value", "level", "about", "nearl", "more", "over", "than", "some"}


@dataclass(frozen=True)
class Conflict:
    kind: str  # "differ" | "rate" | "record"
    first: tuple[LoadedSummary, Figure]
    second: tuple[LoadedSummary, Figure]

    def describe(self) -> str:
        (sa, fa), (sb, fb) = self.first, self.second
        a = f"“{fa.quote}” ({sa.id}, {fa.id})"
        b = f"“{fb.quote}” ({sb.id}, {fb.id})"
        if self.kind == "rate":
            return f"figures cannot both hold: {a} a year against {b} a month, which is {_num(fb.value * 12)} a year"
        if self.kind == "record":
            return f"records cannot both hold: {a} for {fa.period} is above the later record {b} for {fb.period}"
        return f"sources differ: {a} against {b}"


def _num(value: float) -> str:
    return f"{round(value):,}"


def family(unit: str) -> str:
    return {"usd": "money", "percent": "percent", "per_100k": "rate"}.get(unit.lower(), "count")


def years(period: str | None) -> tuple[int, int] | None:
    found = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", period or "")]
    return (min(found), max(found)) if found else None


# Words for one concept, so "killed" and "dying" compare as the same measure.
_SAME = {"kille": "death", "dying": "death", "died": "death", "death": "death", "fatal": "death", "murde": "homic"}


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    stems = {w[:5] for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 2 and w not in _STOP}
    return frozenset(_SAME.get(s, s) for s in stems)


def jaccard(a: Figure, b: Figure) -> float:
    x, y = _stems(a.label), _stems(b.label)
    return len(x & y) / len(x | y) if x and y else 0.0


def overlap(a: Figure, b: Figure) -> float:
    x, y = _stems(a.label), _stems(b.label)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _within(value: float, low: float, high: float | None) -> bool:
    top = high if high is not None else low
    return min(low, top) * 0.98 <= value <= max(low, top) * 1.02


def _is_record(fig: Figure) -> bool:
    return "record" in (fig.label + " " + fig.quote).lower()


def _specific(fig: Figure) -> bool:
    return len(_stems(fig.label) - _VAGUE) >= 2


def find_conflicts(sources: list[LoadedSummary]) -> list[Conflict]:
    figures = [(s, f) for s in sources for f in s.summary.figures if _specific(f)]
    conflicts: list[Conflict] = []
    for i, (sa, fa) in enumerate(figures):
        for sb, fb in figures[i + 1 :]:
            if family(fa.unit) != family(fb.unit) or overlap(fa, fb) < 0.3:
                continue
            conflict = _compare((sa, fa), (sb, fb))
            if conflict is not None:
                conflicts.append(conflict)
    return _one_to_one(conflicts)


def _one_to_one(conflicts: list[Conflict]) -> list[Conflict]:
    """Drop "differ" pairs where a figure is set against several figures of one other source: a
    list of amounts ("$85 billion for roads, $50 billion for rail") read under one vague label
    is several measures, and sources disagree about one measure at a time."""
    partners: dict[tuple[str, str, str], int] = {}
    for c in conflicts:
        if c.kind == "differ":
            for mine, other in ((c.first, c.second), (c.second, c.first)):
                key = (mine[0].id, mine[1].id, other[0].id)
                partners[key] = partners.get(key, 0) + 1
    return [
        c
        for c in conflicts
        if c.kind != "differ"
        or (
            partners[(c.first[0].id, c.first[1].id, c.second[0].id)] == 1 and partners[(c.second[0].id, c.second[1].id, c.first[0].id)] == 1
        )
    ]


def _compare(a: tuple[LoadedSummary, Figure], b: tuple[LoadedSummary, Figure]) -> Conflict | None:
    fa, fb = a[1], b[1]
    pa, pb = (fa.period or "").lower(), (fb.period or "").lower()
    # A monthly rate against a yearly total: the structure says they measure one thing, so
    # labels need share only a little.
    if {pa, pb} & {"monthly"} and pa != pb:
        monthly, other = (a, b) if pa == "monthly" else (b, a)
        annual = other[1]
        if years(annual.period) or (annual.period or "").lower() in ("annual", "yearly"):
            expected = monthly[1].value * 12
            if not 0.75 <= annual.value / expected <= 1.25:
                return Conflict("rate", other, monthly)
        return None
    ya, yb = years(fa.period), years(fb.period)
    if ya and yb and ya != yb and _is_record(fa) and _is_record(fb) and overlap(fa, fb) >= 0.6:
        earlier, later = (a, b) if ya[1] < yb[1] else (b, a)
        if later[1].value < earlier[1].value:
            return Conflict("record", earlier, later)
        return None
    if ya and yb and (ya[1] < yb[0] or yb[1] < ya[0]):
        return None  # different periods measure different things
    if not ya and not yb and pa != pb:
        return None
    # Otherwise the labels must say nearly the same thing: "children killed" is part of "women
    # and children killed", and a state's murder rate is not the national one.
    if jaccard(fa, fb) < 0.5:
        return None
    # One source's two numbers for like labels are two measures, not a disagreement (a rate or
    # a record that contradicts itself, above, still is).
    if a[0].id == b[0].id:
        return None
    if _within(fa.value, fb.value, fb.upper) or _within(fb.value, fa.value, fa.upper):
        return None
    return Conflict("differ", a, b)
