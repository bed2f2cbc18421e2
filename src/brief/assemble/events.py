"""Events: the dated events of a brief's sources, with the reports of one event grouped, and
ranked by their tie to the brief.

Stage: assembly. Several sources often report one event, each in its own words and with its own
precision ("November 2019", "November 4, 2019"); the staff memo's chronology and timeline show it
once, citing each source. A chronology earns its place by the events that bear on the decision,
so the groups are ranked (:func:`rank_events`) and only the first few are shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from brief.inputs.models import Event
from brief.inputs.summaries import LoadedSummary

_STOP = {"were", "with", "that", "from", "after", "their", "then", "into", "over", "about", "this", "they"}


def group_events(sources: Sequence[LoadedSummary]) -> list[list[tuple[LoadedSummary, Event]]]:
    """The events of every source, one group per event, groups in the order first reported."""
    groups: list[list[tuple[LoadedSummary, Event]]] = []
    for s in sources:
        for e in s.summary.events:
            match = next((g for g in groups if any(same_event(e, other) for _, other in g)), None)
            if match is None:
                groups.append([(s, e)])
            else:
                match.append((s, e))
    return groups


def _stems(text: str) -> set[str]:
    # Five-letter prefixes make "ambush" and "ambushed" one word without a stemmer.
    return {w[:5] for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 4 and w not in _STOP}


def same_event(a: Event, b: Event) -> bool:
    """Two reports of one event: the same period at the coarser of their precisions, and
    descriptions that share at least a quarter of their words."""
    precision = min(len(a.date), len(b.date), 7)
    if a.date[:precision] != b.date[:precision]:
        return False
    x, y = _stems(a.what), _stems(b.what)
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= 0.25


Group = list[tuple[LoadedSummary, Event]]

# An event that only announces or schedules something has not happened yet.
_SCHEDULED = re.compile(
    r"\b(?:schedul\w*|will|plans?\s+to|planned|planning\s+to|(?:is|are)\s+(?:expected|set|due|slated)\s+to|expected\s+to|"
    r"to\s+be\s+held|upcoming|to\s+(?:meet|visit|travel|attend|hold\s+talks|convene))\b",
    re.I,
)
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


@dataclass(frozen=True)
class BriefTerms:
    """What a brief is about, as the text its events are weighed against."""

    options: str  # catalogue titles, descriptions and terms, and the brief's option text
    figures: str  # the labels of its key figures
    prose: str  # its own prose (template code taken out)


# How much a shared word counts, by where the brief uses it: options are the decision itself.
_WEIGHTS = (("options", 2.0), ("figures", 1.5), ("prose", 1.0))


def scheduled(what: str) -> bool:
    """Does the description only announce or schedule something ("will meet", "plans to")?"""
    return bool(_SCHEDULED.search(what))


def event_score(group: Group, terms: dict[str, frozenset[str]], rarity: dict[str, float]) -> float:
    """The tie of one event to the brief: each of its words the brief uses, weighted by where the
    brief uses it and by how few events use it (a word of every event tells them apart from
    none); more for an event several sources report; less for one only scheduled."""
    words = set().union(*(_stems(e.what) for _, e in group))
    score = sum(rarity.get(w, 0.0) * weight for w in words for name, weight in _WEIGHTS if w in terms[name])
    score *= 1 + 0.5 * (len({s.id for s, _ in group}) - 1)
    if all(scheduled(e.what) for _, e in group):
        score *= 0.4
    return score


def rank_events(groups: Sequence[Group], brief: BriefTerms, limit: int | None) -> list[Group]:
    """The `limit` groups most tied to the brief (all when None), oldest first."""
    terms = {name: frozenset(_stems(_TEMPLATE_CODE.sub(" ", getattr(brief, name)))) for name, _ in _WEIGHTS}
    words = [set().union(*(_stems(e.what) for _, e in g)) for g in groups]
    counts: dict[str, int] = {}
    for found in words:
        for w in found:
            counts[w] = counts.get(w, 0) + 1
    rarity = {w: math.log((len(groups) + 1) / n) for w, n in counts.items()}
    scored = sorted(range(len(groups)), key=lambda i: (-event_score(groups[i], terms, rarity), i))
    kept = scored if limit is None else scored[:limit]
    return sorted((groups[i] for i in kept), key=lambda g: max(e.date for _, e in g))
