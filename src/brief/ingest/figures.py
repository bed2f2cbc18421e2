"""Figure extraction: the numbers a source gives, as a reader means them.

Stage: extraction (after cleaning). Finds money with scale words ("$3 billion"), percentages,
rates ("28 murders per 100,000"), counts in digits or words ("nine U.S. citizens"), ranges
("10 to 20") and fractions ("one-third"); skips years, dates, times, ordinals, section numbers and
identifiers. Each figure gets a unit, a label and a period from its sentence, the shortest
verbatim span that holds it, its span in the cleaned text, and an importance rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from brief.ingest.metadata import MONTH

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
           "bn": 1_000_000_000, "m": 1_000_000}  # fmt: skip
_FRACTIONS = {"half": 50.0, "one-half": 50.0, "one-third": 100 / 3, "two-thirds": 200 / 3, "one-quarter": 25.0,
              "three-quarters": 75.0, "one-fourth": 25.0, "one-fifth": 20.0}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUM = (
    r"(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:-(?:" + "|".join(k for k in _UNITS if _UNITS[k] < 10) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True))
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"

FIGURE = re.compile(
    rf"""
    (?P<money>(?:US\s?)?\$\s?(?:{_NUM})(?:\s?(?:{_SCALE}|bn\b|m\b))?(?:\s?(?:to|-|–)\s?\$?(?:{_NUM})(?:\s?{_SCALE})?)?)
  | (?P<range>(?<![\w./#-])(?:{_NUM})\s?(?:to|–|-)\s?(?:{_NUM})(?![\w/-])(?:\s?(?:%|percent\b|per\ cent\b))?)
  | (?P<percent>(?<![\w./#-])(?:{_NUM})\s?(?:%|percent\b|per\ cent\b|percentage\ points?\b))
  | (?P<number>(?<![\w./#:-])(?:{_NUM})(?:\s{_SCALE}\b)?(?![\w:/]|\.\d|-\w))
  | (?P<fraction>\b(?:one|two|three)-(?:half|third|thirds|quarter|quarters|fourth|fifth)\b|\bhalf\b(?=\s+(?:of|the)\b))
  | (?P<words>\b(?:{_WORD_NUM})(?:\s{_SCALE})?\b(?![-’']))
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MAY_HOLD_NUMBER = re.compile(rf"\d|\b(?:{_WORD_NUM}|half|third|thirds|quarter|quarters|fourth|fifth)\b", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"(?:{MONTH})\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:{MONTH})\b|^,\s*(?:19|20)\d\d\b|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_ID_BEFORE = re.compile(
    r"(?:#|\bno\.|\bnos\.|\bsection|\bsec\.|§|\barticle|\bchapter|\btitle|\bpage|\bp\.|\bpp\.|\bh\.r\.|\bs\.|\bpublic law|\border|\bresolution|\bversion|\bv\.|\bfigure|\btable|\bannex|\bstep|\bgrade|\bphase|\btier|\broom|\bsuite|\broute)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_STOP_AFTER = re.compile(r"^(?:of|to|or|another|other|times?|way|day|thing|point|side|hand)\b", re.IGNORECASE)
_LABEL_STOP = {"by", "in", "on", "at", "from", "for", "with", "since", "during", "over", "after", "before", "than", "that", "which",
               "who", "and", "or", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would", "to", "into", "across",
               "between", "per", "last", "this", "each", "every", "according", "said", "says", "the", "a", "an", "its", "their"}  # fmt: skip
_UNIT_WORDS = {"pages": "pages", "page": "pages", "tons": "tons", "tonnes": "tonnes", "kilograms": "kg", "kg": "kg", "pounds": "pounds",
               "miles": "miles", "kilometers": "km", "km": "km", "days": "days", "months": "months", "weeks": "weeks", "hours": "hours",
               "years": "years", "decades": "decades", "minutes": "minutes", "dollars": "USD", "euros": "EUR", "pesos": "MXN", "pounds sterling": "GBP"}  # fmt: skip
_DURATIONS = {"years", "decades", "months", "weeks", "days", "hours", "minutes"}
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


def parse_number(token: str) -> float | None:
    """'36,685' -> 36685; '3 billion' -> 3e9; 'nine' -> 9; 'twenty-five thousand' -> 25000."""
    token = token.strip().lower().replace("us$", "").replace("$", "").strip()
    scale = 1.0
    parts = token.split()
    if len(parts) > 1 and parts[-1] in _SCALES:
        scale = _SCALES[parts[-1]]
        token = " ".join(parts[:-1])
    elif token.endswith(("bn", "m")) and token[: -2 if token.endswith("bn") else -1].replace(",", "").replace(".", "").strip().isdigit():
        scale = _SCALES["bn" if token.endswith("bn") else "m"]
        token = token[: -2 if token.endswith("bn") else -1].strip()
    token = token.replace(",", "")
    try:
        return float(token) * scale
    except ValueError:
        pass
    if token in _UNITS:
        return _UNITS[token] * scale
    if token in _TENS:
        return _TENS[token] * scale
    if "-" in token:
        tens, _, unit = token.partition("-")
        if tens in _TENS and unit in _UNITS:
            return (_TENS[tens] + _UNITS[unit]) * scale
    return None


def _words_after(text: str, limit: int = 6) -> list[str]:
    return re.findall(r"[A-Za-zÀ-ÿ][\w.'’-]*|\S", text)[:limit]


def _label(sentence: str, start: int, end: int, kind: str) -> str:
    """A noun phrase for the figure: what follows it ("U.S. citizens", "of heavy weapons"), else
    what precedes it."""
    after = _words_after(sentence[end:], 10)
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
        if not _MAY_HOLD_NUMBER.search(sentence):
            continue  # most sentences hold no number; the full pattern is costly
        for match in FIGURE.finditer(sentence):
            figure = _figure(match, sentence, text, sent_start, sent_end, published_year)
            if figure is not None:
                found.append(figure)
    _rank(found, len(text))
    return found


def _figure(
    match: re.Match[str], sentence: str, text: str, sent_start: int, sent_end: int, published_year: int | None
) -> FoundFigure | None:
    kind = match.lastgroup or "number"
    token = match.group(0)
    start, end = match.start(), match.end()
    # Only a few words around the number matter, and end-anchored patterns over a whole sentence
    # prefix would cost time in proportion to its length at every number.
    before, after = sentence[max(0, start - 48) : start], sentence[end : end + 80]
    if _DATE_BEFORE.search(before) and kind in ("number", "range") and re.fullmatch(r"\d{1,2}", token.split()[0]):
        return None  # "Oct. 17", "on the 5th"
    if _DATE_AFTER.search(after) or _ID_BEFORE.search(before) or re.search(r"\bper\s*$", before, re.I):
        return None  # a date, an identifier, or the denominator of a rate
    if re.match(r"^(?:st|nd|rd|th)\b", after):
        return None
    upper = None
    unit = "count"
    if kind == "money":
        unit = "USD"
        low, _, high = re.split(r"\s?(?:to|–)\s?|(?<=\d)-(?=\$?\d)", token, maxsplit=1)[0], None, None
        parts = re.split(r"\s?(?:to|–)\s?|(?<=\d)-(?=\$?\d)", token, maxsplit=1)
        low = parts[0]
        value = parse_number(low)
        if len(parts) == 2:
            high = parts[1]
            upper = parse_number(high if re.search(_SCALE, high) or not re.search(_SCALE, low) else f"{high} {low.split()[-1]}")
    elif kind == "percent":
        unit = "percentage points" if "point" in token.lower() else "percent"
        value = parse_number(re.sub(r"%|percent(?:age points?)?|per cent", "", token, flags=re.I))
    elif kind == "range":
        is_percent = bool(re.search(r"%|percent|per cent", token, re.I))
        clean_token = re.sub(r"%|percent|per cent", "", token, flags=re.I)
        low, high = re.split(r"\s?(?:to|–|-)\s?", clean_token.strip(), maxsplit=1)
        if _YEAR.match(low.strip()) and _YEAR.match(high.strip()):
            return None  # "2017-2019" is a period, not a figure
        value, upper = parse_number(low), parse_number(high)
        unit = "percent" if is_percent else "count"
    elif kind == "fraction":
        value = _FRACTIONS.get(token.lower(), 50.0)
        unit = "percent"
    elif kind == "words":
        if _STOP_AFTER.match(after.strip()) and not re.match(r"^\s*of\s+(?:their|the|its|his|her|our)\b", after):
            return None
        if token.lower() == "one" or re.search(r"\b(?:the|these|those|both|its|their|his|her|our)\s*$", before, re.I):
            return None  # "one of", "the two governments": a reference, not a figure
        value = parse_number(token)
    else:
        bare = token.replace(",", "")
        if _YEAR.match(bare) and "," not in token:
            return None
        if "." in bare and re.match(r"^\d+\.\d+$", bare) and _DATE_AFTER.search(after):
            return None
        value = parse_number(token)
    if value is None:
        return None
    if kind in ("number", "words"):
        if re.match(r"^\s*(?:\w+\s+){0,3}per\s+100,000", after, re.I):
            unit = "per_100k"
        else:
            next_word = (_words_after(after, 1) or [""])[0].lower().rstrip(".,")
            unit = _UNIT_WORDS.get(next_word, unit)
    if unit in _DURATIONS:
        return None  # "two decades", "27 months": a length of time, which memos do not tabulate
    label = _label(sentence, start, end, kind)
    period = _period(sentence, start, token, published_year)
    q_start, q_end = _quote_span(text, sent_start, sent_end, sent_start + start, sent_start + end)
    return FoundFigure(value, unit, label, period, text[q_start:q_end], q_start, q_end, upper)


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
