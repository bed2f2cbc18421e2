"""Numbers as a reader means them: "$3 billion" is 3000000000 USD, "£600m" 600000000 GBP, "70%"
is 70 percent, "nine U.S. citizens" is 9, "roughly doubled" is 2 times, "two in five" 40 percent.

Shared by ingest, which drafts figures from the numbers a source gives (:mod:`brief.ingest.figures`),
and by verification, which checks that a figure's verbatim quote states its value
(:mod:`brief.verify.sources`): both read numbers by the same rules. Finds money in dollars, pounds,
euros and other currencies with scale words, percentages, rates ("28 murders per 100,000"), counts
in digits or words, ranges ("10 to 20", "between 3 and 5"), multiples ("tripled", "four times the
amount"), fractions ("one-third", "nearly a quarter", "more than half") and ratios ("1 in 4").
Skips what counts nothing: years, dates, fiscal periods ("the first half of FY23"), times,
ordinals, list markers ("(1)", "2." opening a line), identifiers and citations ("Section 232",
"E.O. 14195", "21 U.S.C. 801", report, docket and phone numbers), numbers inside names ("Group of
20", "the Big Three") and lengths of time. A score ("won 3-1") gives its winner's count.
Long because one pattern reads every kind and the exceptions share the words around each number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from brief.numberwords import (
    ABBREVIATED_YEAR_BEFORE,
    ADDRESS_AFTER,
    AGE_AFTER,
    AGE_BEFORE,
    CLOCK_AFTER,
    HALF_PERIOD,
    ID_AFTER,
    ID_LIST_BEFORE,
    NOT_A_NAME,
    RANK_AFTER,
    RANK_BEFORE,
    SHARE_AFTER,
    TENS,
    UNIT_WORDS,
    UNITS,
    WORD_NUM,
    WORD_PERCENT,
    counts_nothing,
    id_before,
)
from brief.quickre import folds_alike, lowered_pattern, prefix_tree

MAX_SCORE = 20  # a score ("won 3-1", "7-5") is small, and its winner's figure is the count; "a 50-50 split" is none
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Every month MONTH reads starts so, with its capital ("Sept.", "June"): a text without one of
# these names no month, and the tests are cheaper than a search for MONTH.
MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
           "bn": 1_000_000_000, "m": 1_000_000}  # fmt: skip
_PARTS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fourth": 25.0, "fifth": 20.0, "tenth": 10.0}  # percent of one part
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:dozen|hundred|thousand|million|billion|trillion)"
# Currencies by the sign or code written before the amount ("£600m", "C$1 billion", "MXN 500 million").
CURRENCIES = {"$": "USD", "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "mx$": "MXN",
              "hk$": "HKD", "s$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}  # fmt: skip
_CODES = ("USD", "EUR", "GBP", "MXN", "CAD", "AUD", "NZD", "JPY", "CNY", "CHF", "INR", "BRL", "HKD", "SGD")
MONEY = {*CURRENCIES.values(), *_CODES}  # the units that are money
_CURRENCY = r"(?:\b(?:US|CA|C|AU|A|NZ|MX|HK|S)\$|\$|£|€|¥|₹|\b(?:" + "|".join(_CODES) + r")\s?(?=\d))"
_HEDGE = r"(?:(?:nearly|almost|about|around|roughly|approximately|some|over|under|just\s+(?:over|under)|more\s+than|less\s+than|fewer\s+than|at\s+least)\s+)"
_COMPARED = (
    r"(?:as|the|more|higher|larger|greater|bigger|faster|lower|smaller|less|fewer|that|what|its|their|his|her|our|this|those|these|over)"
)

# What a figure may start with, after the signs and digits: a money code's letters, a multiple, a
# number's word, "between", "a", or a hedge before a fraction.
_STARTS = (
    prefix_tree(
        [*UNITS, *TENS, "between", "doubl", "tripl", "trebled", "quadrupl", "twice", "thrice", "tens", "hundreds", "half",
         "nearly", "almost", "about", "around", "roughly", "approximately", "some", "over", "under", "just", "more", "less",
         "fewer", "at"]
    )
    + r"|a\s|[a-z]{1,2}\$|[a-z]{3}\s?\d"
)  # fmt: skip
FIGURE = re.compile(
    # The gate first: most positions of a sentence are inside a word, and most words start no
    # figure; one test there is cheaper than a test for each kind. The "-fold" and "times"
    # alternatives need no look ahead of their own (their words imply it, and it read each word
    # whole); the ratio's is tried only after a digit or a number's word.
    rf"""
    (?=[\d$£€¥₹]|\b(?:{_STARTS}))
    (?:(?P<money>(?=[$£€¥₹]|[a-z]{{1,2}}\$|[a-z]{{3}}\s?\d|between\s+{_CURRENCY})
      (?:between\s+{_CURRENCY}\s?(?:{_NUM})(?:\s?(?:{_SCALE}|bn\b|m\b))?\s+and\s+{_CURRENCY}\s?(?:{_NUM})(?:\s?(?:{_SCALE}|bn\b|m\b))?
      | {_CURRENCY}\s?(?:{_NUM})\+?(?:\s?(?:{_SCALE}|bn\b|m\b))?(?:\s?(?:to|-|–)\s?{_CURRENCY}?\s?(?:{_NUM})(?:\s?(?:{_SCALE}|bn\b|m\b))?)?))
  | (?P<multiple>\b(?:doubl(?:ed|ing)|tripl(?:ed|ing)|trebled|quadrupl(?:ed|ing))\b(?!\s+down\b)
      | \b(?:twice|double|triple|thrice)\b(?=\s+(?:as|the|that|what|its|their|his|her|our|this|those|these)\b)
      | (?<![\w.,])(?:\d+|{WORD_NUM})-?fold\b
      | (?<![\w./#:-])(?:{_NUM}|{WORD_NUM})\s+times(?=\s+{_COMPARED}\b))
  | (?P<ratio>(?<![\w./#:,-])(?=\d|{WORD_NUM})(?=\w+\s+(?:in|out)\s)(?:\d{{1,3}}|{WORD_NUM})\s+(?:in|out\s+of)\s+(?:every\s+)?(?!(?:1[89]|20)\d\d\b)(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}|{WORD_NUM})\b
      (?![.,]\d|%|\s+(?:percent|days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?)\b))
  | (?P<between>\bbetween\s+(?:{_NUM})\s?(?:%|percent\b)?\s*and\s*(?:{_NUM})(?![\w/-])(?:\s?(?:%|percent\b|per\ cent\b))?)
  | (?P<range>(?<![\w./#-])(?:{_NUM})\s?(?:to|–|-)\s?(?:{_NUM})(?![\w/-])(?:\s?(?:%|percent\b|per\ cent\b))?)
  | (?P<percent>(?<![\w./#-])(?:{_NUM})\s?(?:%|percent\b|per\ cent\b|percentage\ points?\b))
  | (?P<number>(?<![\w./#:-])(?:{_NUM})(?:\s{_SCALE}\b|(?:bn(?=\s+[A-Za-z])|m(?=\s+(?:[A-Za-z]+\s+)?(?:[a-z]+[^s\W]s|people|children|yuan|yen|baht|reais|rand|kronor)\b)))?(?![\w:/]|[.,]\d|-(?!degrees?\b|plus\b(?!\s+(?:hundred|thousand|million|billion|trillion)\b))\w))
  | (?P<fraction>\b{_HEDGE}?(?:\b(?:one|two|three)-(?:half|third|thirds|quarter|quarters|fourth|fifth)\b
      | \b(?:a|one)\s+(?:half|third|quarter|fifth|tenth)\b | \b(?:two|three)\s+(?:thirds|quarters|fifths)\b | \bhalf\b))
  | (?P<words>\ba\s(?:dozen|hundred|thousand|million|billion|trillion)(?:\s(?:thousand|million|billion))?\b(?!\s+(?:and|or)\b)
      | \b(?:tens|hundreds)\s+of\s+(?:thousands|millions)\s+of\b
      | \b(?:{WORD_NUM})(?:\s{_SCALE}(?:\s+and\s+(?:{WORD_NUM})(?![-’']))?)?\b(?![-’'])))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A text may hold a figure only if this finds something in its lower-cased copy: a digit, a
# "-fold", a word for a number, a part or a multiple. `may_hold_number` gives the same answer faster.
_NUMBER_WORDS = frozenset(
    [*UNITS, *TENS, "hundred", "thousand", "thousands", "million", "millions", "billion", "trillion", "half", "third", "thirds",
     "quarter", "quarters", "fourth", "fifth", "fifths", "tenth", "trebled", "twice", "thrice"]
)  # fmt: skip
_MULTIPLE_STEMS = ("doubl", "tripl", "quadrupl")
MAY_HOLD_NUMBER = re.compile(
    rf"\d|fold\b|\b(?:{WORD_NUM}|hundred|thousands?|millions?|billion|trillion|half|third|thirds|quarter|quarters|fourth|fifth|fifths|tenth|doubl\w*|tripl\w*|trebled|quadrupl\w*|twice|thrice)\b"
)
_DIGIT = re.compile(r"\d")
_FOLD = re.compile(r"fold\b")
_WORD = re.compile(r"\w+")
_MULTIPLE_START = re.compile(r"\b(?:" + "|".join(_MULTIPLE_STEMS) + ")")
# FIGURE for a lower-cased copy (quickre.lowered), without IGNORECASE: the same spans, found in
# two thirds of the time.
_FIGURE_LOWERED = re.compile(lowered_pattern(FIGURE.pattern), re.VERBOSE)
_DATE_BEFORE = re.compile(rf"(?:{MONTH})\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:{MONTH})\b|^,\s*(?:19|20)\d\d\b|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock\b)", re.IGNORECASE
)
_PHONE = re.compile(r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
# A name that holds a number: "Group of 20", "Boeing 737", "Category 4", "the Big Three": a
# capitalised word (not the sentence's first, a month or a weekday) right before a bare number.
_NAME_OF = re.compile(r"\S\s+[A-Z][A-Za-z]*\s+of\s+$")
_NAME_BEFORE = re.compile(rf"\S\s+(?!{MONTH}\b|{NOT_A_NAME})[a-z]{{0,2}}[A-Z][A-Za-z]+\s+$")
# A card or a title ("a 2 of Swords"), the second of two lengths of time ("a year or two").
_NAME_OF_AFTER = re.compile(r"\s+of\s+[A-Z]")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_PERIOD_OR_BEFORE = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\s+or\s+$", re.I)
_OR_PERCENT = re.compile(r"\s+or\s+\d+(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b)", re.I)
_DIMENSION_AFTER = re.compile(r"^\s*(?:by|x|×)\s*\d")
_DIMENSION_BEFORE = re.compile(r"\d\s*(?:by|x|×)\s*$")
_DAY_BEFORE = re.compile(rf"\b(?:{MONTH})\.?\s+\d{{1,2}},\s*$", re.IGNORECASE)
# A run of set scores ("5-7 6-1 6-4", "6-1 7-6 (7-4)"): each score beside another.
_SCORE_RUN_AFTER = re.compile(r"^(?:\s*\(\d{1,2}-\d{1,2}\))?\s+\d{1,2}-\d{1,2}\b")
_SCORE_RUN_BEFORE = re.compile(r"\b\d{1,2}-\d{1,2}(?:\s*\(\d{1,2}-\d{1,2}\))?(?:\s+(?:\d{1,2}-)?|\s*\()$")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|around|by|until|till|circa|c\.|during|before|after)\s*$", re.I)
_AGE = re.compile(r"[A-Z][a-z]+,\s*$")
# "seven and eight years old": the first of two ages
_AGE_PAIR = re.compile(r"\s+(?:and|or|to)\s+[\w-]+\s+years?[\s-]+old\b", re.I)
# What follows a year rather than a count: a stop, or a word that is no counted noun
_NO_NOUN_AFTER = re.compile(r"\s*(?:[.,;:!?)”\"]|$|(?:is|was|are|were|and|or|to|in|on|at|that|which|when|still|lives|live)\b)")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "as"}
_LINE_START = re.compile(r"(?:^|\n)[ \t]*[-•*]?[ \t]*$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_STOP_AFTER = re.compile(r"^(?:of|to|or|another|other|times?|way|day|things?|point|side|hand)\b", re.IGNORECASE)
# What follows "60m" when the m is metres, or no counted noun follows at all: a race, a jump, a
# preposition or a verb ("the 800m heats", "landed 17.30m with his final effort").
_NOT_MILLIONS = re.compile(
    r"\s+(?:hurdles|heats?|titles?|champion\w*|races?|relay|freestyle|backstroke|butterfly|breaststroke|sprint\w*|finals?|"
    r"runners?|record\w*|medley|events?|gold|silver|bronze|indoors|outdoors|world|personal|mark|jump|high|long|deep|tall|wide|"
    r"[a-z]{1,3}|with|from|into|over|under|than|this|that|these|those|their|which|when|while|where|after|before|since|were)\b"
)
# A multiple, not a count of times: "10 times better", "grew 15 times", "oversubscribed 16.2 times".
_MULTIPLE_AFTER = re.compile(rf"\s*times\s+(?:{_COMPARED}|more|less|[a-z]+er)\b", re.I)
_MULTIPLE_BEFORE = re.compile(
    r"\b(?:by|up|rose|risen|grew|grown|increased|jumped|leaped|leapt|surged|soared|multiplied|oversubscribed|fell|dropped)"
    r"\s+(?:up\s+to\s+|about\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
_DURATIONS = {"years", "decades", "months", "weeks", "days", "hours", "minutes", "quarters"}
_MULTIPLES = {"doubl": 2, "twice": 2, "double": 2, "tripl": 3, "trebl": 3, "thrice": 3, "quadrupl": 4}


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
    folded = text.lower()
    if not may_hold_number(folded):
        return iter(())  # most sentences hold no number; the full pattern is costly
    return _rematched(text, folded) if folds_alike(text) else FIGURE.finditer(text)


def may_hold_number(folded: str) -> bool:
    """Whether MAY_HOLD_NUMBER finds something in a lower-cased text, told three times faster: a
    word for a number stands where the pattern's word boundaries would put it only as a whole
    run of word characters, so a set's look-up of the runs answers for the words."""
    if _DIGIT.search(folded) or _FOLD.search(folded) or not _NUMBER_WORDS.isdisjoint(_WORD.findall(folded)):
        return True
    return any(stem in folded for stem in _MULTIPLE_STEMS) and _MULTIPLE_START.search(folded) is not None


def _rematched(text: str, folded: str) -> Iterator[re.Match[str]]:
    """FIGURE's matches in `text`, found in its lower-cased copy and matched again where each
    starts, so that a caller reads the text as written."""
    for found in _FIGURE_LOWERED.finditer(folded):
        match = FIGURE.match(text, found.start())
        if match is not None:  # always: the two patterns read alike
            yield match


def read_candidate(match: re.Match[str], text: str) -> Number | None:
    """The number a candidate of :func:`candidates` is, or None (a year, a date, an identifier...)."""
    return _number(match, text)


# A capitalised word and three or four digits not inside a longer token, not before a capital (a
# headline's "Hires 125 Agents"). The capital is looked for first: it is the cheapest to scan for.
_NAMED = re.compile(r"[A-Z][A-Za-z]+[ \t]+(\d{3,4})(?![\w,.%/-])(?!\s+[A-Z])")
_AFTER_A_WORD = re.compile(r"[\w,’'][ \t]+$")
_NOT_A_NAME = re.compile(rf"(?:{MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|In|On|By|Since|From|Until|Of)", re.I)


def named_numbers(text: str) -> set[str]:
    """Numbers `text` uses in a name ("Xbox 360", "iPad 248", "Section 232"): three or four digits
    right after a capitalised word that does not open a sentence, not a year or a round hundred.
    Elsewhere in the text the same number alone ("your 360 library") names the thing again."""
    found: set[str] = set()
    for match in _NAMED.finditer(text):
        digits = match.group(1)
        if digits in found or _YEAR.match(digits) or digits.endswith("00"):
            continue
        word = match.start()
        while word > max(0, match.start() - 2) and text[word - 1].islower():
            word -= 1  # "iPad": a name may open with small letters
        if word and text[word - 1].isalpha():
            continue  # a capital inside a word
        name = text[word : match.start(1)].strip()
        if _AFTER_A_WORD.search(text, max(0, word - 3), word) and not _NOT_A_NAME.fullmatch(name):
            found.add(digits)  # after a word of its sentence: a name, not a sentence's first word
    return found


def parse_number(token: str) -> float | None:
    """'36,685' -> 36685; '3 billion' -> 3e9; 'nine' -> 9; 'twenty-five thousand' -> 25000."""
    token = _CURRENCY_SIGN.sub("", token.strip().lower()).strip()
    if token.startswith(("tens of ", "hundreds of ")):  # "tens of thousands of": the least it can be
        return (10 if token.startswith("tens") else 100) * _SCALES[token.split()[2][:-1]]
    if token.startswith("a ") and all(word in _SCALES for word in token.split()[1:]):  # "a hundred thousand"
        return float(math.prod(_SCALES[word] for word in token.split()[1:]))
    if " and " in token:  # "two hundred and sixty-seven"
        whole, _, rest = token.partition(" and ")
        high, low = parse_number(whole), parse_number(rest)
        return high + low if high is not None and low is not None and low < high else None
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
    if token in UNITS:
        return UNITS[token] * scale
    if token in TENS:
        return TENS[token] * scale
    if "-" in token:
        tens, _, unit = token.partition("-")
        if tens in TENS and unit in UNITS:
            return (TENS[tens] + UNITS[unit]) * scale
    return None


_SCALE_IN = re.compile(rf"\s?\b({_SCALE}|bn|m)\b|(?<=\d)(bn|m)\b", re.I)
_CURRENCY_SIGN = re.compile(r"^(?:[a-z]{0,2}\$|[£€¥₹]|(?:" + "|".join(_CODES).lower() + r")\s?(?=\d))")
_WORD_OR_MARK = re.compile(r"[A-Za-zÀ-ÿ][\w.'’-]*|\S")


def words_after(text: str, limit: int = 6, start: int = 0) -> list[str]:
    """The first `limit` words (or other marks) of `text` from `start`. Reads only as far as those
    words go: a caller asking for the words after each number of a long sentence must not pay for
    the rest of the sentence every time."""
    return [match.group(0) for match in islice(_WORD_OR_MARK.finditer(text, start), limit)]


# The shapes of a number and of the words beside it that _number and _not_a_quantity test for
# every candidate, compiled once.
_MILLIONS_SUFFIX = re.compile(r"\d(?:m|bn)$")
_DAY_OR_DAYS = re.compile(r"\d{1,2}(?:[-–]\d{1,2})?")
_PER_BEFORE = re.compile(r"\bper\s*$", re.I)
_LISTED_BEFORE = re.compile(r"\d[\w().–-]{0,14},?\s+(?:(?:and|or|through)\s+)?$")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")
_FIVE_DIGITS_OR_MORE = re.compile(r"\d{5,}")
_SECTION_AFTER = re.compile(r"\([a-z0-9]\)", re.I)
_EARLY_YEAR = re.compile(r"1[0-7]\d\d")
_OLD_YEAR = re.compile(r"1[0-8]\d\d")
_OF_BEFORE = re.compile(r"\bof\s*$")
_THREE_OR_FOUR_DIGITS = re.compile(r"\d{3,4}")
_LEADING_ZERO = re.compile(r"0\d+")
_ZERO_CODE_BEFORE = re.compile(r"\b0\d{2,}(?:[ \t]\d+)*[ \t]$")
_UP_TO_THREE_DIGITS = re.compile(r"\d{1,3}")
_TIME_AFTER = re.compile(r"\s*(?:years?|months?|weeks?|days?|hours?)\b", re.I)
_SHORT_NUMBER = re.compile(r"\d+(?:\.\d)?")


def _number(match: re.Match[str], sentence: str) -> Number | None:
    kind = match.lastgroup or "number"
    token = match.group(0)
    start, end = match.start(), match.end()
    # Only a few words around the number matter, and end-anchored patterns over a whole sentence
    # prefix would cost time in proportion to its length at every number.
    before, after = sentence[max(0, start - 48) : start], sentence[end : end + 80]
    after = after[5:] if after.startswith("-plus") else after  # "800,000-plus jobs": at least, and of what
    if kind == "number" and _MILLIONS_SUFFIX.search(token) and _NOT_MILLIONS.match(after):
        return None  # "the 60m hurdles", "7.96m on his first jump": metres, not millions
    if _DATE_BEFORE.search(before) and kind in ("number", "range") and _DAY_OR_DAYS.fullmatch(token.split()[0]):
        return None  # "Oct. 17", "on the 5th", "on January 9-10"
    if (_DATE_AFTER.search(after) and kind != "money") or id_before(before) or _PER_BEFORE.search(before) or CLOCK_AFTER.match(after):
        return None  # a date, an identifier, the denominator of a rate, a time of day ("1500 GMT")
    listed = kind in ("number", "range") and _LISTED_BEFORE.search(before)
    if listed and ID_LIST_BEFORE.search(sentence, max(0, start - 300), start):
        return None  # "sections 343, 1032-1035, 1266": every number of the list is an identifier
    if _ORDINAL_AFTER.match(after) or (kind in ("number", "range", "percent") and ID_AFTER.match(after)):
        return None  # an ordinal; a statute's title ("21 U.S.C. 801")
    if kind in ("number", "range") and _not_a_quantity(token, kind, before, after, sentence, start):
        return None
    if kind in ("number", "words") and (
        (RANK_BEFORE.search(before) and RANK_AFTER.match(after)) or (AGE_BEFORE.search(before) and AGE_AFTER.match(after))
    ):
        return None  # "entered the top ten for the first time" is a rank; "when she was three," an age
    if kind in ("number", "words") and _AGE_PAIR.match(after):
        return None  # "the boys were seven and eight years old"
    if kind in ("number", "words") and (counts_nothing(kind, parse_number(token) or 0, before, after)):
        return None  # an age, a length of time, a vague amount, a speaker's count of their questions
    if kind in ("number", "words") and (
        ADDRESS_AFTER.match(after) or (_ARTICLE_BEFORE.search(before) and _NAME_OF_AFTER.match(after)) or _PERIOD_OR_BEFORE.search(before)
    ):
        return None  # "10 Downing Street", "a 2 of Swords", "a year or two"
    upper = None
    unit = "count"
    if kind == "money":
        amounts = re.sub(r"^between\s+", "", token.replace("+", ""), flags=re.I)  # "$150+ billion": at least
        sign = re.match(_CURRENCY, amounts, re.I)
        unit = CURRENCIES.get(sign.group(0).strip().lower(), sign.group(0).strip().upper()) if sign else "USD"
        parts = re.split(r"\s?(?:to|–)\s?|\s+and\s+|(?<=[\dnm])-(?=\D{0,4}\d)", amounts, maxsplit=1)
        low = parts[0]
        value = parse_number(low)
        if len(parts) == 2:
            high = parts[1]
            upper = parse_number(high if re.search(_SCALE, high) or not re.search(_SCALE, low) else f"{high} {low.split()[-1]}")
            scale = _SCALE_IN.search(high)
            if scale and value is not None and not _SCALE_IN.search(low):
                high_value = parse_number(high[: scale.start()])
                if high_value is not None and value < high_value:  # "$100 and $250 billion": both in billions
                    value = parse_number(f"{low} {scale.group(1)}")
    elif kind == "multiple":
        value = _multiple(token)
        unit = "times"
    elif kind == "ratio":
        part, _, whole = re.split(r"\s+(in|out\s+of)\s+(?:every\s+)?", token, maxsplit=1, flags=re.I)
        low, high = parse_number(part), parse_number(whole)
        if low is None or not high or low >= high:
            return None
        value, unit = low / high * 100, "percent"
    elif kind == "percent":
        unit = "percentage points" if "point" in token.lower() else "percent"
        value = parse_number(re.sub(r"%|percent(?:age points?)?|per cent", "", token, flags=re.I))
    elif kind in ("range", "between"):
        is_percent = bool(re.search(r"%|percent|per cent", token, re.I))
        clean_token = re.sub(r"%|percent|per cent|^between\s+", "", token, flags=re.I)
        low, high = re.split(r"\s?(?:to|–|-)\s?|\s*and\s*", clean_token.strip(), maxsplit=1)
        if _YEAR.match(low.strip()) and _YEAR.match(high.strip()):
            return None  # "2017-2019" is a period, not a figure
        value, upper = parse_number(low), parse_number(high)
        dashed = kind == "range" and not is_percent and re.search(r"\d\s?[-–]\s?\d", token)
        if dashed and value is not None and upper is not None and upper <= value:  # "won 3-1": the winner's score
            return Number(value, None, "count", "number", token, start, end) if value <= MAX_SCORE else None
        unit = "percent" if is_percent else "count"
        kind = "range"
    elif kind == "fraction":
        value = _fraction(token, before, after)
        unit = "percent"
    elif kind == "words":
        # "eight million times": a count (never "a thousand times", a manner of speaking)
        counted = re.match(r"\s*times\b", after) and re.search(r"million|billion|trillion", token, re.I)
        if _STOP_AFTER.match(after.strip()) and not re.match(r"^\s*of\s+(?:their|the|its|his|her|our)\b", after) and not counted:
            return None
        if token.lower() == "one" or re.search(r"\b(?:the|these|those|both|all|its|their|his|her|our|my|your)\s*$", before, re.I):
            return None  # "one of", "the two governments": a reference, not a figure
        if token[0].isupper() and before.strip() and not re.search(r"(?:[:—–“\"‘(\n]|(?:^|\s)[-•*])\s*$", before):
            return None  # "the Big Three", "Ocean's Eleven": a number word capitalised inside a sentence names
        value = parse_number(token)
        halved = re.search(r"\bhalf\s+$", before, re.I) if re.match(r"an?\s", token, re.I) else None
        if halved and value is not None:  # "half a million": the half is of the scale
            value, start, token = value / 2, start - (len(before) - halved.start()), before[halved.start() :] + token
        spelled = WORD_PERCENT.match(after)
        if spelled:  # "Sixty-five percent of the shots": a share, spelled out
            kind, unit, end, token = "percent", "percent", end + spelled.end(), token + spelled.group(0)
    else:
        bare = token.replace(",", "")
        if _YEAR.match(bare) and "," not in token:
            return None
        if "." in bare and re.match(r"^\d+\.\d+$", bare) and (_DATE_AFTER.search(after) or _YEAR.match(bare.split(".")[0])):
            return None  # a date; "in 2024.121": a year and its footnote's number
        value = parse_number(token)
    if value is None:
        return None
    if kind in ("number", "words"):
        if re.match(r"^\s*(?:\w+\s+){0,3}per\s+100,000", after, re.I):
            unit = "per_100k"
        else:
            next_word = (words_after(after, 1) or [""])[0].lower().rstrip(".,")
            unit = "degrees" if re.match(r"-?\s?degrees?\b", after, re.I) else UNIT_WORDS.get(next_word, unit)
            if unit == "times" and not (_MULTIPLE_AFTER.match(after) or _MULTIPLE_BEFORE.search(before)):
                unit = "count"  # "downloaded eight million times", "tried 60 times": how often, not a multiple
            if _OR_PERCENT.match(after):
                unit = "percent"  # "80 or 90 percent"
    if unit in _DURATIONS:
        return None  # "two decades", "27 months": a length of time, which memos do not tabulate
    return Number(value, upper, unit, kind, token, start, end)


def _not_a_quantity(token: str, kind: str, before: str, after: str, sentence: str, start: int) -> bool:
    """A list marker, a long identifier, a phone number or a number inside a name: digits that
    count nothing."""
    bare = token.replace(",", "")
    if kind == "number" and _ONE_OR_TWO_DIGITS.fullmatch(bare):
        if len(bare) == 2 and ABBREVIATED_YEAR_BEFORE.search(before):
            return True  # "fiscal year ’23": a year
        if before.endswith("(") and after.startswith(")"):
            return True  # "(1) patrols, (2) scanners"
        if _LINE_START.search(before) and re.match(r"[.)](?:\s|$)", after):
            return True  # "1." or "2)" opening a line
        if re.search(r"[:;][ \t]*$", before) and re.match(r"\)\s", after):
            return True  # "including by: 1) cutting supply; 2) tracing guns": a list run into a sentence
        if before.rstrip().endswith(")") and re.match(r"\.(?:\s+[A-Z]|\s*$)", after):
            return True  # "(two- to four-year course) 2. Graduated": a list run into one line
    if kind == "number" and _FIVE_DIGITS_OR_MORE.fullmatch(token):
        return True  # "Orders 13836, 13837", "see 2502030031": identifiers; a count this large is written with commas
    if kind == "number" and _SECTION_AFTER.match(after):
        return True  # "Section 203(k)", "a 501(c)(3)": a section of a law or a program's name
    if "(" in before[-1:] or ")" in after[:1] or "-" in token or after[:1] in "-.":
        window = max(0, start - 6)
        if any(m.start() <= start < m.end() for m in _PHONE.finditer(sentence, window, start + len(token) + 12)):
            return True
    if _DIMENSION_AFTER.match(after) or _DIMENSION_BEFORE.search(before):
        return True  # "2,560 by 1,440 pixels": a size
    if kind == "number" and _EARLY_YEAR.fullmatch(token) and _YEAR_BEFORE.search(before):
        return True  # "in 1781": a year before those `_YEAR` reads as years
    if kind == "number" and _OLD_YEAR.fullmatch(token) and _OF_BEFORE.search(before) and _NO_NOUN_AFTER.match(after):
        return True  # "the spirit of 1776 is", "the War of 1812.": a year, where no counted noun follows
    if kind == "number" and _THREE_OR_FOUR_DIGITS.fullmatch(token) and _DAY_BEFORE.search(before):
        return True  # "June 15, 1215": the year of a date, however early
    if kind == "number" and (_LEADING_ZERO.fullmatch(bare) or _ZERO_CODE_BEFORE.search(before)):
        return True  # "007", "0800 555 111": a code written with its leading zero, and the groups after it
    if kind in ("number", "range") and (_SCORE_RUN_AFTER.match(after) or _SCORE_RUN_BEFORE.search(before)) and "-" in token + before[-8:]:
        return True  # "beat Roe 5-7 6-1 6-4": the games of each set, a result and not an amount
    if kind == "number" and _UP_TO_THREE_DIGITS.fullmatch(token) and _AGE.search(before) and after[:1] == ",":
        return True  # "Jane Roe, 63, said": an age
    if kind == "range" and _TIME_AFTER.match(after):
        return True  # "children (0-17 years)": ages or a length of time
    if kind == "number" and _SHORT_NUMBER.fullmatch(bare):
        if _NAME_OF.search(before):
            return True  # "the Group of 20"
        if _NAME_BEFORE.search(before) and not _headline(sentence, start, start + len(token)):  # also "Silk Road 2.0"
            return True  # "the Airbus 320", "Xbox 360 games"
    return False


def _headline(sentence: str, start: int, end: int) -> bool:
    """Words around a number all capitalised ("President Announces 2 Key Nominees"): a headline,
    whose capitals do not make a name."""
    around = f"{sentence[max(0, start - 150) : start]} {sentence[end : end + 150]}"
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", around) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _multiple(token: str) -> float | None:
    """'doubled' -> 2; 'four times' -> 4; 'fivefold' -> 5."""
    lowered = token.lower()
    for stem, value in _MULTIPLES.items():
        if lowered.startswith(stem):
            return float(value)
    return parse_number(re.sub(r"-?fold$|\s+times$", "", lowered))


def _fraction(token: str, before: str, after: str) -> float | None:
    """'one-third' -> 33.3; 'nearly a quarter' -> 25; 'more than half' -> 50; None for a period
    ("the first half of FY23") or an ordinal ("a third country")."""
    words = re.findall(r"[a-z]+", token.lower())
    part = words[-1]
    count = {"two": 2, "three": 3}.get(words[-2], 1) if len(words) > 1 else 1
    spelled_out = "-" in token
    if part == "half" and re.search(r"[A-Za-z]-$", before):
        return None  # "scrum-half", "fly-half": a word's own half, no share
    if not spelled_out:
        if words[0] in ("a", "one") and re.search(r"\band\s*$", before, re.I):
            return None  # "a year and a half": a whole and a half, not a share
        if part == "half" and (HALF_PERIOD.search(before + " ".join(words[:-1]) + " ") or re.search(r"\ba\s*$", before, re.I)):
            return None  # "the first half of the year", "two and a half"
        if not SHARE_AFTER.match(after):
            return None
    return _PARTS[part.rstrip("s")] * count
