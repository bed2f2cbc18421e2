"""Footnotes: the citations templates ask for, numbered in the order a reader meets them.

Stage: assembly. While templates render, ``figure()``, ``cite()`` and the views' ``cite`` and
``entry`` fields ask the :class:`Citer` for a citation; it hands out a marker
(:mod:`.markers`) and remembers the request. When the Markdown becomes blocks, :meth:`Citer.resolve`
turns each marker, in reading order, into a footnote call, a bibliography entry, a chart or
nothing (a portion's marking, which counts toward the banner), so footnote numbers follow the
page whatever order templates evaluated in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from brief.assemble import citations
from brief.assemble.figuretext import format_figure
from brief.assemble.markers import Kind, Markers
from brief.assemble.memo import Chart, FigureUse, Footnote, FootnoteRef, Inline, PortionMark
from brief.inputs.markings import Marking, parse_marking
from brief.inputs.models import Figure
from brief.inputs.summaries import LoadedSummary


@dataclass(frozen=True)
class Request:
    source: LoadedSummary
    locator: str | None = None
    figure: Figure | None = None


@dataclass
class Citer:
    """Hands out citation markers while templates render; numbers footnotes when the Markdown is
    converted, so the numbers follow reading order whatever order templates evaluate in."""

    requests: list[Request] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    cited: set[str] = field(default_factory=set)
    figures: dict[str, FigureUse] = field(default_factory=dict)
    entries: dict[str, LoadedSummary] = field(default_factory=dict)
    markings: list[Marking] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    markers: Markers = field(default_factory=Markers)  # this memo's, with their own nonce

    def request(self, source: LoadedSummary, locator: str | None = None, figure: Figure | None = None) -> Markup:
        self.requests.append(Request(source, locator, figure))
        return Markup(self.markers.make(Kind.CITATION, len(self.requests) - 1))

    def entry(self, source: LoadedSummary) -> Markup:
        self.entries[source.id] = source
        return Markup(self.markers.make(Kind.ENTRY, source.id))

    def resolve(self, kind: Kind, key: str) -> Sequence[Inline | Chart]:
        """What a marker stands for, met in reading order."""
        return self._resolvers[kind](key)

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
        request = self.requests[int(key)]
        source = request.source.summary
        number = len(self.footnotes) + 1
        runs = citations.note(source, first=source.id not in self.cited, locator=request.locator)
        self.cited.add(source.id)
        self.footnotes.append(Footnote(number, tuple(runs)))
        if request.figure is not None:
            fig = request.figure
            self.figures.setdefault(
                fig.id, FigureUse(fig.id, fig.value, fig.unit, fig.label, fig.period, source.id, fig.quote, format_figure(fig))
            )
        return [FootnoteRef(number)]
