"""Numbers as a reader means them: "$3 billion" is 3000000000 USD, "70%" is 70 percent, "nine
U.S. citizens" is 9.

Shared by ingest, which drafts figures from the numbers a source gives (:mod:`brief.ingest.figures`),
and by verification, which checks that a figure's verbatim quote states its value
(:mod:`brief.verify.sources`): both read numbers by the same rules. Finds money with scale words,
percentages, rates ("28 murders per 100,000"), counts in digits or words, ranges ("10 to 20") and
fractions ("one-third"); skips years, dates, times, ordinals, section numbers, identifiers and
lengths of time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

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
MAY_HOLD_NUMBER = re.compile(rf"\d|\b(?:{_WORD_NUM}|half|third|thirds|quarter|quarters|fourth|fifth)\b", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"(?:{MONTH})\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:{MONTH})\b|^,\s*(?:19|20)\d\d\b|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_ID_BEFORE = re.compile(
    r"(?:#|\bno\.|\bnos\.|\bsection|\bsec\.|§|\barticle|\bchapter|\btitle|\bpage|\bp\.|\bpp\.|\bh\.r\.|\bs\.|\bpublic law|\border|\bresolution|\bversion|\bv\.|\bfigure|\btable|\bannex|\bstep|\bgrade|\bphase|\btier|\broom|\bsuite|\broute)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_STOP_AFTER = re.compile(r"^(?:of|to|or|another|other|times?|way|day|thing|point|side|hand)\b", re.IGNORECASE)
_UNIT_WORDS = {"pages": "pages", "page": "pages", "tons": "tons", "tonnes": "tonnes", "kilograms": "kg", "kg": "kg", "pounds": "pounds",
               "miles": "miles", "kilometers": "km", "km": "km", "days": "days", "months": "months", "weeks": "weeks", "hours": "hours",
               "years": "years", "decades": "decades", "minutes": "minutes", "dollars": "USD", "euros": "EUR", "pesos": "MXN", "pounds sterling": "GBP"}  # fmt: skip
_DURATIONS = {"years", "decades", "months", "weeks", "days", "hours", "minutes"}


@dataclass(frozen=True)
class Number:
    """One number read from a text: its value (and upper bound, for a range), its unit, the
    kind of pattern that found it, and its span in the text read."""

    value: float
    upper: float | None
    unit: str
    kind: str  # money, range, percent, number, fraction or words
    token: str
    start: int
    end: int


def read_numbers(text: str) -> list[Number]:
    """Every number of `text` (a sentence, or a short quote), in order."""
    found = (read_candidate(match, text) for match in candidates(text))
    return [number for number in found if number is not None]


def candidates(text: str) -> Iterator[re.Match[str]]:
    """What may be a number in `text`, in order; :func:`read_candidate` tells. A caller that
    bounds its work counts these, as most of the cost is reading them."""
    if not MAY_HOLD_NUMBER.search(text):
        return iter(())  # most sentences hold no number; the full pattern is costly
    return FIGURE.finditer(text)


def read_candidate(match: re.Match[str], text: str) -> Number | None:
    """The number a candidate of :func:`candidates` is, or None (a year, a date, an identifier...)."""
    return _number(match, text)


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


_WORD_OR_MARK = re.compile(r"[A-Za-zÀ-ÿ][\w.'’-]*|\S")


def words_after(text: str, limit: int = 6, start: int = 0) -> list[str]:
    """The first `limit` words (or other marks) of `text` from `start`. Reads only as far as those
    words go: a caller asking for the words after each number of a long sentence must not pay for
    the rest of the sentence every time."""
    return [match.group(0) for match in islice(_WORD_OR_MARK.finditer(text, start), limit)]


def _number(match: re.Match[str], sentence: str) -> Number | None:
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
            next_word = (words_after(after, 1) or [""])[0].lower().rstrip(".,")
            unit = _UNIT_WORDS.get(next_word, unit)
    if unit in _DURATIONS:
        return None  # "two decades", "27 months": a length of time, which memos do not tabulate
    return Number(value, upper, unit, kind, token, start, end)
