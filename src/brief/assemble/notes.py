"""Notes: where each note call goes, which calls share a note, and what each note says.

Stage: assembly, once every section is converted. Markers resolve to *provisional* calls
(a :class:`~brief.assemble.memo.FootnoteRef` whose number is the index of a call in
:attr:`Citer.calls`); :func:`place_notes` then reads the memo's blocks in reading order
(paragraphs, list items, table cells; headings hold no calls) and

1. moves each call past the end of its clause: just after the next , ; : . ? ! (and a closing
   quotation mark or parenthesis after it), so a call never reads as an exponent of a number.
   A period in an abbreviation (U.S., Jan., Mr.), a decimal point and a thousands comma end no
   clause; with no clause end left in the paragraph, item or cell, the call goes at its end;
2. merges the calls citing one source in one sentence into one note (at the last of them), and
   the calls of two neighbouring sentences that cite nothing but the same source, so a run of
   sentences from one source carries one note; calls that land at one place share a note,
   their citations separated by semicolons, as Chicago does;
3. numbers the notes in reading order and writes them: a source's first note is full, later
   ones short; a passage is quoted once in the memo (a figure's later notes are plain); a note
   that would repeat the one before it says "Ibid.".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from brief.assemble import citations
from brief.assemble.memo import Block, BulletList, FigureUse, Footnote, FootnoteRef, Inline, Link, Paragraph, Section, Table, Text
from brief.inputs.models import Figure
from brief.inputs.summaries import LoadedSummary


@dataclass(frozen=True)
class Request:
    """One citation a template or the prose asked for."""

    source: LoadedSummary
    locator: str | None = None
    figure: Figure | None = None
    shown: str | None = None  # the figure's text as printed


_CLAUSE = ",;:.?!"
_SENTENCE = ".?!"
_CLOSERS = "”’)]»"
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "adm", "gov", "sen", "rep", "rev", "st", "jr", "sr",
    "inc", "co", "corp", "ltd", "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "ed", "eds", "approx", "est", "dept",
    "e.g", "i.e", "cf", "vs", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")  # U.S, D.C, a.m, an initial "C"
_TOKEN = re.compile(r"[^\s“‘\"'(\[]+$")


def _closer_at(text: str, j: int) -> bool:
    c = text[j]
    if c in _CLOSERS:
        return True
    # A straight quotation mark closes when nothing but a space, punctuation or the end follows.
    return c in "\"'" and (j + 1 == len(text) or text[j + 1].isspace() or text[j + 1] in _CLAUSE + ")]")


def _after_closers(text: str, j: int) -> int:
    while j < len(text) and _closer_at(text, j):
        j += 1
    return j


def is_clause_end(text: str, i: int) -> bool:
    """Whether text[i] is punctuation that ends a clause: followed by a space, a closing mark or
    the end (so 36,685, 2.4, 10:30 and example.com end nothing), and, for a period, not the
    period of an abbreviation or an ellipsis unless the text ends there."""
    c = text[i]
    if c not in _CLAUSE:
        return False
    after = _after_closers(text, i + 1)
    if after < len(text) and not text[after].isspace():
        return False
    if c != ".":
        return True
    if text[i + 1 : i + 2] == "." or text[i - 1 : i] == ".":
        return False  # an ellipsis written as periods
    if not text[after:].strip():
        return True  # the text ends here: "... aid to the U.S."
    token = _TOKEN.search(text, 0, i)
    word = token.group(0) if token else ""
    return not (word.lower() in _ABBREVIATIONS or _INITIALS.match(word))


def clause_end(text: str, position: int) -> int:
    """Where a call at `position` belongs: where it is when it already follows a clause's
    punctuation, else just after the next clause end (and its closing marks), else the end."""
    back = position
    while back > 0 and _closer_at(text, back - 1):
        back -= 1
    if back > 0 and text[back - 1] in _CLAUSE and is_clause_end(text, back - 1):
        return position
    for i in range(position, len(text)):
        if text[i] in _CLAUSE and is_clause_end(text, i):
            return _after_closers(text, i + 1)
    return len(text.rstrip())


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence's final punctuation (and closing marks)."""
    return [_after_closers(text, i + 1) for i, c in enumerate(text) if c in _SENTENCE and is_clause_end(text, i)]


@dataclass
class _Call:
    target: int
    sentence: int
    call: int  # index into the memo's calls


class _Placer:
    """Places the calls of every unit, in reading order, into groups: one group is one note."""

    def __init__(self, calls: Sequence[int], requests: Sequence[Request]) -> None:
        self.calls, self.requests = calls, requests
        self.groups: list[list[int]] = []  # each: request indices, in reading order

    def source_of(self, call: int) -> str:
        return self.requests[self.calls[call]].source.id

    def unit(self, runs: Sequence[Inline]) -> tuple[Inline, ...]:
        if not any(isinstance(r, FootnoteRef) for r in runs):
            return tuple(runs)
        pieces: list[Text | Link] = []
        text = ""
        anchors: list[tuple[int, int]] = []
        for run in runs:
            if isinstance(run, FootnoteRef):
                anchors.append((len(text), run.number))
            elif isinstance(run, Text | Link):  # portion marks are printed by now
                pieces.append(run)
                # A link's text is opaque: the periods of an address end no clause.
                text += run.text if isinstance(run, Text) else "x" * len(run.text)
        ends = sentence_ends(text)

        def sentence(target: int) -> int:
            return sum(1 for end in ends if end < target)

        placed = [_Call(t := clause_end(text, pos), sentence(t), call) for pos, call in anchors]
        # One note per source per sentence, at the last call of that source in the sentence.
        last: dict[tuple[int, str], int] = {}
        for c in placed:
            key = (c.sentence, self.source_of(c.call))
            last[key] = max(last.get(key, 0), c.target)
        for c in placed:
            c.target = last[(c.sentence, self.source_of(c.call))]
        groups = self._merge_neighbours(self._group(placed))
        return self._rebuild(pieces, groups)

    def _group(self, placed: list[_Call]) -> list[tuple[int, int, list[int]]]:
        by_target: dict[int, tuple[int, list[int]]] = {}
        for c in sorted(placed, key=lambda c: (c.target, c.call)):
            by_target.setdefault(c.target, (c.sentence, []))[1].append(c.call)
        return [(target, sentence, calls) for target, (sentence, calls) in sorted(by_target.items())]

    def _merge_neighbours(self, groups: list[tuple[int, int, list[int]]]) -> list[tuple[int, int, list[int]]]:
        """Two notes in a row that cite only the same source, in neighbouring sentences, become
        one note at the later place: the run of sentences is that source's."""
        out: list[tuple[int, int, list[int]]] = []
        for target, sentence, calls in groups:
            sources = {self.source_of(c) for c in calls}
            if out:
                _, p_sentence, p_calls = out[-1]
                if len(sources) == 1 and {self.source_of(c) for c in p_calls} == sources and sentence - p_sentence <= 1:
                    out[-1] = (target, sentence, p_calls + calls)
                    continue
            out.append((target, sentence, calls))
        return out

    def _rebuild(self, pieces: list[Text | Link], groups: list[tuple[int, int, list[int]]]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        pending = list(groups)
        offset = 0

        def emit(upto: int) -> None:
            while pending and pending[0][0] <= upto:
                _, _, calls = pending.pop(0)
                self.groups.append([self.calls[c] for c in calls])
                out.append(FootnoteRef(len(self.groups)))

        emit(0)
        for piece in pieces:
            end = offset + len(piece.text)
            if isinstance(piece, Text):
                start = offset
                while pending and pending[0][0] < end:
                    cut = pending[0][0] - offset
                    if cut > start - offset:
                        out.append(Text(piece.text[start - offset : cut], piece.bold, piece.italic))
                    start = pending[0][0]
                    emit(start)
                out.append(Text(piece.text[start - offset :], piece.bold, piece.italic))
            else:
                out.append(piece)
            offset = end
            emit(offset)
        emit(1 << 62)
        return tuple(r for r in out if not (isinstance(r, Text) and not r.text))


def _place_block(block: Block, placer: _Placer, gather: bool = False) -> Block:
    if isinstance(block, Paragraph):
        return replace(block, runs=placer.unit(block.runs))
    if isinstance(block, BulletList):
        items = _gathered(block.items) if gather else block.items
        return replace(block, items=tuple(placer.unit(item) for item in items))
    if isinstance(block, Table):
        return replace(block, rows=tuple(tuple(placer.unit(cell) for cell in row) for row in block.rows))
    return block


@dataclass(frozen=True)
class Notes:
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    figures: tuple[FigureUse, ...]


def _gathered(items: tuple[tuple[Inline, ...], ...]) -> tuple[tuple[Inline, ...], ...]:
    """A list's calls, every one, moved to the end of its last item, in reading order: placed
    there, they become one note citing each source the list draws on (Chicago's several
    citations in one note), with the passages of its figures."""
    calls = [r for item in items for r in item if isinstance(r, FootnoteRef)]
    if not calls:
        return items
    bare: list[tuple[Inline, ...]] = [tuple(r for r in item if not isinstance(r, FootnoteRef)) for item in items]
    bare[-1] = (*bare[-1], *calls)
    return tuple(bare)


def place_notes(sections: Sequence[Section], calls: Sequence[int], requests: Sequence[Request], gather_lists: bool = False) -> Notes:
    """The sections with their calls placed and numbered, the notes' text and the figures shown.
    With `gather_lists`, each list carries one note, after its last item, instead of one per item."""
    placer = _Placer(calls, requests)
    placed = tuple(replace(s, blocks=tuple(_place_block(b, placer, gather_lists) for b in s.blocks)) for s in sections)
    footnotes, figures = _write(placer.groups, requests)
    return Notes(placed, footnotes, figures)


def _write(groups: list[list[int]], requests: Sequence[Request]) -> tuple[tuple[Footnote, ...], tuple[FigureUse, ...]]:
    cited: set[str] = set()
    quoted: set[tuple[str, str]] = set()
    figures: dict[str, FigureUse] = {}
    notes: list[Footnote] = []
    previous: tuple[str, ...] = ()  # the sources of the note before
    summaries = {r.source.id: r.source.summary for r in requests}
    titles = citations.distinct_short_titles(list(summaries.values()))
    for number, group in enumerate(groups, start=1):
        order: dict[str, list[str]] = {}
        for index in group:
            request = requests[index]
            summary = request.source.summary
            locators = order.setdefault(summary.id, [])
            passage = (request.locator or "").strip()
            if passage and (summary.id, passage) not in quoted:
                quoted.add((summary.id, passage))
                locators.append(passage)
            if request.figure is not None:
                fig = request.figure
                shown = request.shown or fig.as_written or ""
                figures.setdefault(fig.id, FigureUse(fig.id, fig.value, fig.unit, fig.label, fig.period, summary.id, fig.quote, shown))
        by_id = {requests[i].source.id: requests[i].source.summary for i in group}
        parts = []
        for source_id, locators in order.items():
            source = by_id[source_id]
            if source_id not in cited:
                parts.append(citations.full_note(source, locators))
                cited.add(source_id)
            elif previous == (source_id,) and len(order) == 1:
                runs = citations.ibid(locators)
                if notes and _plain(runs) == _plain(notes[-1].runs):
                    runs = citations.short_note(source, locators, titles[source_id])  # never two identical notes in a row
                parts.append(runs)
            else:
                parts.append(citations.short_note(source, locators, titles[source_id]))
        notes.append(Footnote(number, tuple(citations.join_notes(parts))))
        previous = tuple(order)
    return tuple(notes), tuple(figures.values())


def _plain(runs: Sequence[Inline]) -> str:
    return "".join(r.text for r in runs if isinstance(r, Text | Link))
