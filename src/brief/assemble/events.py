"""Events: the dated events of a brief's sources, with the reports of one event grouped.

Stage: assembly. Several sources often report one event, each in its own words and with its own
precision ("November 2019", "November 4, 2019"); the staff memo's chronology and timeline show it
once, citing each source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
