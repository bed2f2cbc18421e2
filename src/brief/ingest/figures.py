"""Figure extraction: the numbers a source gives, with what they count.

Stage: extraction (after cleaning). The numbers of each sentence are read by :mod:`brief.numbers`
(the rules verification uses too); each becomes a figure with a label and a period from its
sentence, the shortest verbatim span that holds it, its span in the cleaned text, and an
importance rank.

Each number looks only at a bounded stretch of its sentence (a few words either side, the years
near it), and what concerns the whole sentence (a rate word, the years it names) is read once per
sentence: a hostile "sentence" of a megabyte full of numbers costs time in proportion to its
length, not to its length times its numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from brief.numbers import Number, candidates, read_candidate, words_after

_LABEL_STOP = {"by", "in", "on", "at", "from", "for", "with", "since", "during", "over", "after", "before", "than", "that", "which",
               "who", "and", "or", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would", "to", "into", "across",
               "between", "per", "last", "this", "each", "every", "according", "said", "says", "the", "a", "an", "its", "their"}  # fmt: skip
_KEY_TERMS = re.compile(
    r"\b(?:record|killed|deaths?|dying|died|murders?|homicides?|increase|rose|fell|drop(?:ped)?|surge|billion|million|seiz\w+|extradit\w+)\b",
    re.I,
)
_PERIOD_WORDS = [
    (re.compile(r"\b(?:every|each|a|per)\s+month\b|\bmonthly\b", re.I), "monthly"),
    (re.compile(r"\b(?:every|each|a|per)\s+year\b|\bannually\b|\byearly\b", re.I), "annual"),
    (re.compile(r"\b(?:every|each|a|per)\s+(?:day|week)\b|\bdaily\b|\bweekly\b", re.I), None),
]
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LAST_YEAR = re.compile(r"\blast year\b", re.I)
_THIS_YEAR = re.compile(r"\bthis year\b", re.I)
_LABEL_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*")
_NOT_IN_WORD = re.compile(r"[^\w'’-]")
_NEXT_WORD = re.compile(r"(\s+[^\s]+)")
LABEL_REACH = 400  # characters before a number its label may come from; five words take far fewer
LONGEST_WORD = 60  # characters; a longer "word" (a hash, a run of letters) names nothing
LONGEST_TOKEN = 300  # characters of a run without spaces a locator takes in after its number (a long URL)
YEAR_SCAN = 16  # years tried either way; more in a row that the number itself holds is a hostile sentence
MAX_CANDIDATES = 10_000  # possible numbers read from one source (the draft keeps 40); a long report has a few hundred


@dataclass
class FoundFigure:
    value: float
    unit: str
    label: str
    period: str | None
    quote: str
    start: int  # span of `quote` in the cleaned text
    end: int
    upper: float | None = None
    as_written: str | None = None  # the source's words for a number it spells out ("one-third")
    score: float = 0.0
    importance: int = 2


def _label(sentence: str, start: int, end: int, kind: str) -> str:
    """A noun phrase for the figure, from the clause that holds the number: what follows it ("U.S.
    citizens", "of heavy weapons") up to the clause's end, else what precedes it back to the
    clause's start (its last five words, no further back than LABEL_REACH). A clause ends at
    , ; : or a dash, so a neighbour in a list ("Lam Research 42%, Tokyo Electron 18%") never
    names the number."""
    after = words_after(sentence, 10, end)
    if after and after[0].lower() == "of":
        after = after[1:]
        if after and after[0].lower() in ("the", "its", "their", "all", "his", "her", "our", "these", "those"):
            after = after[1:]
    words: list[str] = []
    for word in after:
        if not re.match(r"[A-Za-zÀ-ÿ]", word) or word.lower() in _LABEL_STOP or len(word) > LONGEST_WORD:
            break
        words.append(word.rstrip(".,;:"))
        if len(words) == 5 or word[-1:] in ".,;:":  # the clause ends with this word
            break
    if words:
        return " ".join(words)
    low = max(0, start - LABEL_REACH)
    clause = max(sentence.rfind(mark, 0, start) for mark in (",", ";", ":", "—", "–", "("))
    if clause >= low:  # the clause starts after its mark: words before it are another clause's
        low = clause + 1
    elif low:
        # Words are read from the first break in the window on, so none is cut at its start.
        cut = _NOT_IN_WORD.search(sentence, low, start)
        low = cut.end() if cut else start
    before = [word for word in _LABEL_WORD.findall(sentence, low, start)[-5:] if len(word) <= LONGEST_WORD]
    while before and before[0].lower() in _LABEL_STOP:
        before = before[1:]
    return " ".join(before) or "figure"


class _Periods:
    """What a sentence says about periods, read once for all its numbers: a rate word, the years
    it names (with their positions), "last year" and "this year"."""

    def __init__(self, sentence: str, published_year: int | None) -> None:
        self.rate = next(((True, label) for pattern, label in _PERIOD_WORDS if pattern.search(sentence)), (False, None))
        self.years = [] if self.rate[0] else [(m.start(), m.group(0)) for m in _YEAR.finditer(sentence)]
        self.starts = [start for start, _ in self.years]
        self.relative: str | None = None
        if published_year and not self.rate[0]:
            if _LAST_YEAR.search(sentence):
                self.relative = str(published_year - 1)
            elif _THIS_YEAR.search(sentence):
                self.relative = str(published_year)

    def period(self, position: int, number_text: str) -> str | None:
        found, label = self.rate
        if found:
            return label
        # The year nearest the number, preferring one after it ("36,685 in 2018"); a year the
        # number itself holds ("$2019.5") does not count.
        years = self.years
        first_later = bisect_right(self.starts, position)
        for index in range(first_later, min(len(years), first_later + YEAR_SCAN)):
            if years[index][1] not in number_text:
                return years[index][1]
        for index in range(len(years) - 1, max(-1, len(years) - 1 - YEAR_SCAN), -1):
            if years[index][1] not in number_text:
                return years[index][1]
        return self.relative


def _quote_span(text: str, sent_start: int, sent_end: int, start: int, end: int) -> tuple[int, int]:
    """The number with up to two words before and four after, inside its sentence: short enough
    to be a locator, long enough to be unique and to show what the number counts."""
    left = start
    for _ in range(2):
        match = re.search(r"(\S+\s+)$", text[max(sent_start, left - 60) : left])
        if not match:
            break
        left -= len(match.group(1))
    right = end
    for _ in range(4):
        match = _NEXT_WORD.match(text, right, sent_end)
        if not match or re.search(r"[,;:]$", text[right:end]) or len(match.group(1)) > LONGEST_TOKEN:
            break
        right += len(match.group(1))
        if match.group(1).rstrip("”\"’')").endswith((".", ";", ":", "!", "?", ",")):
            break
    snippet = text[left:right]
    trimmed = snippet.rstrip(' ,;:.”"’)(')
    return left, left + len(trimmed)


def find_figures(text: str, sentences: list[tuple[int, int]], published_year: int | None = None) -> list[FoundFigure]:
    """Figures of the numbers among the text's first MAX_CANDIDATES candidates, ranked."""
    found: list[FoundFigure] = []
    budget = MAX_CANDIDATES
    for sent_start, sent_end in sentences:
        sentence = text[sent_start:sent_end]
        periods = None
        for match in candidates(sentence):
            budget -= 1
            if budget < 0:
                break
            number = read_candidate(match, sentence)
            if number is not None:
                periods = periods or _Periods(sentence, published_year)
                found.append(_figure(number, sentence, text, sent_start, sent_end, periods))
        if budget < 0:
            break
    _rank(found, len(text))
    return found


def _figure(number: Number, sentence: str, text: str, sent_start: int, sent_end: int, periods: _Periods) -> FoundFigure:
    start, end = number.start, number.end
    label = _label(sentence, start, end, number.kind)
    period = periods.period(start, number.token)
    q_start, q_end = _quote_span(text, sent_start, sent_end, sent_start + start, sent_start + end)
    # A number the source spells out ("one-third", "half", "nine") is printed as it wrote it.
    written = number.token.strip() if number.kind in ("fraction", "words") else None
    return FoundFigure(number.value, number.unit, label, period, text[q_start:q_end], q_start, q_end, number.upper, written)


def _rank(figures: list[FoundFigure], length: int) -> None:
    """Importance 3, 2 or 1 by a score of magnitude, kind, position and the words around it."""
    for fig in figures:
        score = 0.0
        if fig.unit == "USD":
            score += 2 if fig.value >= 1e9 else 1
        elif fig.unit in ("percent", "per_100k"):
            score += 1.5
        elif fig.value >= 1000:
            score += 1
        elif fig.value < 5:
            score -= 1
        if length:
            score += 1 - fig.start / length
        if _KEY_TERMS.search(fig.quote + " " + fig.label):
            score += 1
        fig.score = score
    ordered = sorted(figures, key=lambda f: -f.score)
    third = max(1, len(ordered) // 3)
    for index, fig in enumerate(ordered):
        fig.importance = 3 if index < third else 2 if index < 2 * third else 1
