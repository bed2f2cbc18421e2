"""Figure extraction: the numbers a source gives, with what they count.

Stage: extraction (after cleaning). The numbers of each sentence are read by :mod:`brief.numbers`
(the rules verification uses too); each becomes a figure with a label and a period from its
sentence, the shortest verbatim span that holds it, its span in the cleaned text, and an
importance rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from brief.numbers import Number, read_numbers, words_after

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
    score: float = 0.0
    importance: int = 2


def _label(sentence: str, start: int, end: int, kind: str) -> str:
    """A noun phrase for the figure: what follows it ("U.S. citizens", "of heavy weapons"), else
    what precedes it."""
    after = words_after(sentence[end:], 10)
    if after and after[0].lower() == "of":
        after = after[1:]
        if after and after[0].lower() in ("the", "its", "their", "all", "his", "her", "our", "these", "those"):
            after = after[1:]
    words: list[str] = []
    for word in after:
        if not re.match(r"[A-Za-zÀ-ÿ]", word) or word.lower() in _LABEL_STOP:
            break
        words.append(word.rstrip(".,;:"))
        if len(words) == 5:
            break
    if words:
        return " ".join(words)
    before = re.findall(r"[A-Za-zÀ-ÿ][\w'’-]*", sentence[:start])[-5:]
    while before and before[0].lower() in _LABEL_STOP:
        before = before[1:]
    return " ".join(before) or "figure"


@lru_cache(maxsize=64)
def _period_word(sentence: str) -> tuple[bool, str | None]:
    """(found, label) for a rate word in the sentence; cached, as a sentence often holds several numbers."""
    for pattern, label in _PERIOD_WORDS:
        if pattern.search(sentence):
            return True, label
    return False, None


def _period(sentence: str, position: int, number_text: str, published_year: int | None) -> str | None:
    found, label = _period_word(sentence)
    if found:
        return label
    # The year nearest the number, preferring one after it ("36,685 in 2018").
    years = [(m.start(), m.group(0)) for m in re.finditer(r"\b(?:19|20)\d\d\b", sentence) if m.group(0) not in number_text]
    if years:
        later = [y for y in years if y[0] > position]
        return (later[0] if later else years[-1])[1]
    if published_year and re.search(r"\blast year\b", sentence, re.I):
        return str(published_year - 1)
    if published_year and re.search(r"\bthis year\b", sentence, re.I):
        return str(published_year)
    return None


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
        match = re.match(r"(\s+[^\s]+)", text[right:sent_end])
        if not match or re.search(r"[,;:]$", text[right:end]):
            break
        right += len(match.group(1))
        if re.search(r"[.;:!?,]$", match.group(1).rstrip("”\"’')")):
            break
    snippet = text[left:right]
    trimmed = snippet.rstrip(' ,;:.”"’)(')
    return left, left + len(trimmed)


def find_figures(text: str, sentences: list[tuple[int, int]], published_year: int | None = None) -> list[FoundFigure]:
    found: list[FoundFigure] = []
    for sent_start, sent_end in sentences:
        sentence = text[sent_start:sent_end]
        for number in read_numbers(sentence):
            found.append(_figure(number, sentence, text, sent_start, sent_end, published_year))
    _rank(found, len(text))
    return found


def _figure(number: Number, sentence: str, text: str, sent_start: int, sent_end: int, published_year: int | None) -> FoundFigure:
    start, end = number.start, number.end
    label = _label(sentence, start, end, number.kind)
    period = _period(sentence, start, number.token, published_year)
    q_start, q_end = _quote_span(text, sent_start, sent_end, sent_start + start, sent_start + end)
    return FoundFigure(number.value, number.unit, label, period, text[q_start:q_end], q_start, q_end, number.upper)


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
