"""Figure extraction: the numbers a source gives, with what they count.

Stage: extraction (after cleaning). The numbers of each sentence are read by :mod:`brief.numbers`
(the rules verification uses too); each becomes a figure with a label (the noun phrase naming
what it counts, :mod:`brief.ingest.figurelabels`) and a period (the year of its clause) from its
sentence, the shortest verbatim span that holds it, its span in the cleaned text, and an
importance rank. A value its passage repeats is one figure.

Each number looks only at a bounded stretch of its sentence (a few words either side, the years
near it), and what concerns the whole sentence (a rate word, the years it names) is read once per
sentence: a hostile "sentence" of a megabyte full of numbers costs time in proportion to its
length, not to its length times its numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from brief.ingest.figurelabels import draft_label
from brief.numbers import MONEY, Number, candidates, named_numbers, read_candidate
from brief.quickre import YEAR, lowered, may_hold

_KEY_TERMS = re.compile(
    r"\b(?:record|killed|deaths?|dying|died|murders?|homicides?|increase|rose|fell|drop(?:ped)?|surge|billion|million|seiz\w+|extradit\w+"
    r"|arrest\w*|warrants?|suspects?|charged|indict\w*|convict\w*|detain\w*|deport\w*|victims?|injur\w*|wounded|firearms?|guns?"
    r"|rifles?|weapons?|migrants?|doubl\w+|tripl\w+)\b",
    re.I,
)
# Each with the words (lower-cased) a match holds: a sentence without them is not searched.
_PERIOD_WORDS = [
    (re.compile(r"\b(?:every|each|a|per)\s+month\b|\bmonthly\b", re.I), ("month",), "monthly"),
    (re.compile(r"\b(?:every|each|a|per)\s+year\b|\bannually\b|\byearly\b", re.I), ("year", "annually"), "annual"),
    (re.compile(r"\b(?:every|each|a|per)\s+(?:day|week)\b|\bdaily\b|\bweekly\b", re.I), ("day", "week", "daily"), None),
]
_YEAR = re.compile(YEAR)
_CLAUSE_MARK = re.compile(r"[,;:](?=\s)|\s[—–-]\s|—")
_OTHER_CLAUSE = re.compile(
    r"\s*(?:while|whereas|but|although|though|when|after|before|since|compared|against|versus|up|down|from|which|who|as)\b", re.I
)
_LAST_YEAR = re.compile(r"\blast year\b", re.I)
_THIS_YEAR = re.compile(r"\bthis year\b", re.I)
_NEXT_WORD = re.compile(r"(\s+[^\s]+)")
# A transcript's paragraph that is a reporter's question ("Q   Is that enough?", "QUESTION: ...").
_QUESTION = re.compile(r"(?:Q|QUESTION|REPORTER)\b\s*[:.]?\s")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
LONGEST_TOKEN = 300  # characters of a run without spaces a locator takes in after its number (a long URL)
YEAR_SCAN = 16  # years tried either way; more in a row that the number itself holds is a hostile sentence
REPEAT_COST = 0.5  # score a figure loses for each higher-ranked figure of its label
QUESTION_COST = 2.0  # score a figure loses in a reporter's question: the premise asked about, not what the source reports
FLOOR = 5.0  # a figure scoring this much below the source's best is too weak to draft
# A paragraph of prose holds a word in lower case or in capitals; a line-up of names does not.
_PROSE = re.compile(r"(?<![\w’'-])(?:[a-z]{2,}|[A-Z]{4,})\b")
RUN_LENGTH = 5  # bare numbers in a row, separated by commas, that make a list rather than figures
_NUMBER_RUN = re.compile(rf"(?:(?<![\w$£€.])\d[\w().-]{{0,20}},\s+(?:and\s+|or\s+)?){{{RUN_LENGTH - 1},}}\d[\w().-]{{0,20}}")
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
    asked: bool = False  # in a reporter's question


class _Periods:
    """What a sentence says about periods, read once for all its numbers: a rate word, the years
    it names (with their positions and clauses), "last year" and "this year"."""

    def __init__(self, sentence: str, published_year: int | None) -> None:
        folded = lowered(sentence)
        self.rate = next(
            ((True, label) for pattern, needs, label in _PERIOD_WORDS if may_hold(folded, needs) and pattern.search(sentence)),
            (False, None),
        )
        self.years = [] if self.rate[0] else [(m.start(), m.group(0)) for m in _YEAR.finditer(sentence)]
        self.starts = [start for start, _ in self.years]
        # Clause marks, and whether the clause after each opens with a word that makes it another
        # statement ("while in 2019", "up from 10% in 2019"), whose year is not the number's.
        self.marks: list[int] = []
        self.opens_other: list[bool] = []
        if self.years:
            for mark in _CLAUSE_MARK.finditer(sentence):
                self.marks.append(mark.start())
                self.opens_other.append(bool(_OTHER_CLAUSE.match(sentence, mark.end())))
        self.relative: str | None = None
        if published_year and not self.rate[0]:
            if may_hold(folded, ("last year",)) and _LAST_YEAR.search(sentence):
                self.relative = str(published_year - 1)
            elif may_hold(folded, ("this year",)) and _THIS_YEAR.search(sentence):
                self.relative = str(published_year)

    def period(self, position: int, number_text: str) -> str | None:
        """The year nearest the number in its own clause (one after it first: "36,685 in 2018"),
        else the last year of the clause before, else the first of the clause after unless that
        clause is another statement; a year the number itself holds ("$2019.5") does not count."""
        found, label = self.rate
        if found:
            return label
        if not self.years:
            return self.relative
        clause = bisect_right(self.marks, position)
        first_later = bisect_right(self.starts, position)
        for index in range(first_later, min(len(self.years), first_later + YEAR_SCAN)):
            if self._clause(index) != clause:
                break
            if self.years[index][1] not in number_text:
                return self.years[index][1]
        for index in range(first_later - 1, max(-1, first_later - 1 - YEAR_SCAN), -1):
            if self._clause(index) < clause - 1:
                break
            if self.years[index][1] not in number_text:
                return self.years[index][1]
        if first_later < len(self.years) and self._clause(first_later) == clause + 1 and not self.opens_other[clause]:
            return self.years[first_later][1]
        return self.relative

    def _clause(self, index: int) -> int:
        return bisect_right(self.marks, self.starts[index])


def last_word(chunk: str) -> str:
    """The chunk's last word with the spaces after it, when spaces end it: what
    ``re.search(r"(\\S+\\s+)$", chunk)`` finds, without trying the pattern at every position."""
    stripped = chunk.rstrip()
    if not stripped or len(stripped) == len(chunk):
        return ""
    return chunk[len(stripped) - len(stripped.rsplit(None, 1)[-1]) :]


def _quote_span(text: str, sent_start: int, sent_end: int, start: int, end: int) -> tuple[int, int]:
    """The number with up to two words before and four after, inside its sentence: short enough
    to be a locator, long enough to be unique and to show what the number counts."""
    left = start
    for _ in range(2):
        word = last_word(text[max(sent_start, left - 60) : left])
        if not word:
            break
        left -= len(word)
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
    """Figures of the numbers among the text's first MAX_CANDIDATES candidates, ranked. A number
    the text uses in a name elsewhere ("the Xbox 360") is no count where it stands alone ("your
    360 library")."""
    found: list[FoundFigure] = []
    budget = MAX_CANDIDATES
    named = named_numbers(text)
    paragraphs = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    prose: dict[int, bool] = {}
    for sent_start, sent_end in sentences:
        para = bisect_right(paragraphs, sent_start) - 1
        if para not in prose:
            end = paragraphs[para + 1] if para + 1 < len(paragraphs) else len(text)
            # A headline, a heading in capitals or a speaker's turn is prose in capitals.
            prose[para] = para == 0 or _PROSE.search(text, paragraphs[para], end) is not None
        if not prose[para]:
            continue  # "Taylor (Martin 89), Ampadu.", "Miller 1, Rooney 87.", "9,033": a line-up, not a sentence
        sentence = text[sent_start:sent_end]
        # "sections 364(a), 737, 851, 1070 and 8521": a run of bare numbers is a list of
        # citations or a table's row; a memo cites a figure a sentence states, not one of a row.
        runs = [(m.start(), m.end()) for m in _NUMBER_RUN.finditer(sentence)] if sentence.count(",") >= RUN_LENGTH - 1 else []
        periods = None
        asked = None
        for match in candidates(sentence):
            budget -= 1
            if budget < 0:
                break
            if any(a <= match.start() < b for a, b in runs):
                continue
            number = read_candidate(match, sentence)
            if number is not None and not (number.kind == "number" and number.token in named):
                periods = periods or _Periods(sentence, published_year)
                if asked is None:
                    asked = bool(_QUESTION.match(text, paragraphs[para]))
                found.append(_figure(number, sentence, text, sent_start, sent_end, periods))
                found[-1].asked = asked
        if budget < 0:
            break
    found = _once(found)
    _rank(found, len(text))
    return found


def _once(figures: list[FoundFigure]) -> list[FoundFigure]:
    """One figure for a value its passage repeats ("a tariff of 25% would apply, a 25% rate on
    steel"): the same value and unit with an overlapping quote is the same figure."""
    kept: list[FoundFigure] = []
    last_end: dict[tuple[float, float | None, str], int] = {}
    for fig in figures:
        key = (fig.value, fig.upper, fig.unit)
        if last_end.get(key, -1) > fig.start:
            continue
        last_end[key] = fig.end
        kept.append(fig)
    return kept


def _figure(number: Number, sentence: str, text: str, sent_start: int, sent_end: int, periods: _Periods) -> FoundFigure:
    start, end = number.start, number.end
    label = draft_label(sentence, start, end, number.kind)
    period = periods.period(start, number.token)
    q_start, q_end = _quote_span(text, sent_start, sent_end, sent_start + start, sent_start + end)
    # A number the source spells out ("one-third", "half", "nine", "two in five") is printed as it
    # wrote it.
    written = number.token.strip() if number.kind in ("fraction", "words", "ratio") else None
    return FoundFigure(number.value, number.unit, label, period, text[q_start:q_end], q_start, q_end, number.upper, written)


def _rank(figures: list[FoundFigure], length: int) -> None:
    """Importance 3, 2 or 1 by a score of magnitude, kind, position and the words around it, less
    for each higher-ranked figure of the same label: a source's thirty district tallies must not
    crowd out its one count of arrests when the draft keeps only its first MAX_FIGURES."""
    for fig in figures:
        score = 0.0
        if fig.unit in MONEY:
            score += 2 if fig.value >= 1e9 else 1
        elif fig.unit in ("percent", "per_100k", "times"):
            score += 1.5
        elif fig.value >= 1000:
            score += 1
        elif fig.value < 5:
            score -= 1
        if length:
            score += 1 - fig.start / length
        if _KEY_TERMS.search(fig.quote + " " + fig.label):
            score += 1
        if fig.asked:
            score -= QUESTION_COST
        fig.score = score
    seen: dict[tuple[str, str], int] = {}
    for fig in sorted(figures, key=lambda f: -f.score):
        # A label repeated in one unit is a series of tallies; in another unit ("800 pounds of
        # fentanyl", "twice as much fentanyl") it is another measure of the thing.
        key = (fig.label.lower(), "money" if fig.unit in MONEY else fig.unit)
        fig.score -= REPEAT_COST * seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
    ordered = sorted(figures, key=lambda f: -f.score)
    third = max(1, len(ordered) // 3)
    for index, fig in enumerate(ordered):
        fig.importance = 3 if index < third else 2 if index < 2 * third else 1


def worth_drafting(figures: list[FoundFigure]) -> list[FoundFigure]:
    """The figures scoring within FLOOR of the best, best first: beside a source's headline sums,
    its passing small counts are not what a memo cites; a source of only small counts keeps them."""
    ordered = sorted(figures, key=lambda f: -f.score)
    if not ordered:
        return ordered
    floor = ordered[0].score - FLOOR
    return [fig for fig in ordered if fig.score >= floor]
