"""Footnotes: the citations templates ask for, as provisional calls placed and numbered later.

Stage: assembly. While templates render, ``figure()``, ``cite()`` and the views' ``cite`` and
``entry`` fields ask the :class:`Citer` for a citation; it hands out a marker
(:mod:`.markers`) and remembers the request. When the Markdown becomes blocks, :meth:`Citer.resolve`
turns each marker into a provisional footnote call, a bibliography entry, a chart or nothing (a
portion's marking, which counts toward the banner). Once every section is converted,
:func:`brief.assemble.notes.place_notes` moves the calls to the ends of their clauses, merges
them and numbers the notes in reading order, whatever order templates evaluated in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from brief.assemble import citations
from brief.assemble.markers import Kind, Markers
from brief.assemble.memo import Chart, FootnoteRef, Inline, PortionMark, Section
from brief.assemble.notes import Notes, Request, place_notes
from brief.inputs.markings import Marking, parse_marking
from brief.inputs.models import Figure
from brief.inputs.summaries import LoadedSummary


@dataclass
class Citer:
    """Hands out citation markers while templates render; each marker met in the Markdown becomes
    a provisional call (``FootnoteRef(i)``, ``i`` an index into :attr:`calls`) until
    :meth:`place` numbers them."""

    requests: list[Request] = field(default_factory=list)
    calls: list[int] = field(default_factory=list)  # each call met: the index of its request
    entries: dict[str, LoadedSummary] = field(default_factory=dict)
    markings: list[Marking] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    markers: Markers = field(default_factory=Markers)  # this memo's, with their own nonce

    def request(self, source: LoadedSummary, locator: str | None = None, figure: Figure | None = None, shown: str | None = None) -> Markup:
        self.requests.append(Request(source, locator, figure, shown))
        return Markup(self.markers.make(Kind.CITATION, len(self.requests) - 1))

    def entry(self, source: LoadedSummary) -> Markup:
        self.entries[source.id] = source
        return Markup(self.markers.make(Kind.ENTRY, source.id))

    def resolve(self, kind: Kind, key: str) -> Sequence[Inline | Chart]:
        """What a marker stands for, met in reading order."""
        return self._resolvers[kind](key)

    def place(self, sections: Sequence[Section], gather_lists: bool = False) -> Notes:
        """The sections with every call placed and numbered, and the notes' text."""
        return place_notes(sections, self.calls, self.requests, gather_lists)

    @property
    def _resolvers(self) -> dict[Kind, Callable[[str], Sequence[Inline | Chart]]]:
        return {Kind.CITATION: self._footnote, Kind.ENTRY: self._entry, Kind.CHART: self._chart, Kind.PORTION: self._portion}

    def _chart(self, key: str) -> list[Chart]:
        # Blocks turns a paragraph that is only this into the chart block.
        return [self.charts[int(key)]]

    def _portion(self, key: str) -> list[Inline]:
        # A portion the reader sees: its marking counts toward the banner, and the marking pass
        # prints it at the start of its block (an empty key: a portion the analyst left unmarked).
        marking = parse_marking(key) if not key.startswith("@") else None
        if marking is not None:
            self.markings.append(marking)
            return [PortionMark(marking.text)]
        return [PortionMark(None, int(key[1:]) if key[1:].isdigit() else None)]

    def _entry(self, key: str) -> list[Inline]:
        return list(citations.bibliography(self.entries[key].summary))

    def _footnote(self, key: str) -> list[Inline]:
        # A marker printed twice is two calls: each gets its own provisional number.
        self.calls.append(int(key))
        return [FootnoteRef(len(self.calls) - 1)]
