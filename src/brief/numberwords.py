"""Number words, and the spoken and vague counts that quantify nothing a source reports.

Used by :mod:`brief.numbers`, which reads numbers by these tables and asks
:func:`counts_nothing` about a count in its context: an age ("adults 65 and older"), a length of
time with a word between ("two consecutive quarters"), a vague amount ("a village or two"), the
size of a list that follows ("the following six actions") or a speaker's count of their own
questions and points ("I have two questions"), which transcripts and fact sheets are full of. It
also holds the contexts in which :mod:`brief.numbers` reads a number as no quantity at all: an
identifier or a citation ("Section 232", "sections 343, 1032-1035"), a rank, an age ("married at
21"), an address, a time of day ("1500 GMT"), and what follows a share ("a third of").

Number words are read by these tables rather than a library (word2number, number-parser): brief
needs each number's span in its sentence and the words around it, which those libraries do not
give, and `brief check` must read a quote's number by exactly the rules ingest drafted it with.
"""

from __future__ import annotations

import re

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

WORD_NUM = (
    r"(?:" + "|".join(sorted(TENS, key=len, reverse=True)) + r")(?:-(?:" + "|".join(k for k in UNITS if UNITS[k] < 10) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True))
)
# A vague amount: "a village or two", "two or three" (the first of the pair stops at "or").
_VAGUE_BEFORE = re.compile(rf"(?:\b(?:a|an|one)\s+[a-z]+|\b(?:{WORD_NUM}))\s+or\s*$", re.I)
# An age: "adults 65 and older"; "18- to 45-year-olds" (the second number is inside its word).
_AGE_RANGE_AFTER = re.compile(r"\s*(?:and|or)\s+(?:older|over|up|above|younger|under)\b|-\s*(?:to|and|or)\s+\d+-years?-old", re.I)
# A speaker's count of what they say or take ("two questions", "three quick points", "one more."),
# said of a few only: "40 questions about the dam" is a count the text reports.
_DISCOURSE_AFTER = re.compile(
    r"\s+(?:(?:more\s*(?:[.?!,]|$))|(?:(?:quick|brief|short|more|other|last|final|follow-up)\s+)?(?:questions?|things?|follow-?ups?"
    r"|announcements?|comments?|topics?)\b|(?:quick|brief|short)\s+points?\b)",
    re.I,
)
DISCOURSE_MOST = 5  # the most questions or points a speaker announces; more is a count reported
# A length of time with a word between: "two consecutive quarters", "three straight years".
_DURATION_AFTER = re.compile(
    r"\s+(?:consecutive|straight|successive|more|full|whole|long|additional|further|and\s+a\s+half)\s+"
    r"(?:years?|months?|weeks?|days?|hours?|decades?|quarters?)\b",
    re.I,
)
_FOLLOWING_BEFORE = re.compile(r"\bthe\s+following\s*$", re.I)  # "the following six actions": a list's size
ABBREVIATED_YEAR_BEFORE = re.compile(r"(?:^|[^\w’‘'])[’‘']$")  # "fiscal year ’23"


# "percent" or "per cent" after a number (spelled out: "Sixty-five percent").
WORD_PERCENT = re.compile(r"\s*(?:percent|per\s+cent)\b", re.I)


def counts_nothing(kind: str, value: float, before: str, after: str) -> bool:
    """Whether a count (`kind` "number" or "words", of `value`) between the words `before` and
    `after` is an age, a length of time, a vague amount, a list's size or a speaker's count."""
    return bool(
        _FOLLOWING_BEFORE.search(before)
        or _AGE_RANGE_AFTER.match(after)
        or _DURATION_AFTER.match(after)
        or (kind == "words" and _VAGUE_BEFORE.search(before) and not WORD_PERCENT.match(after))
        or (_DISCOURSE_AFTER.match(after) and value <= DISCOURSE_MOST)
        or (kind == "number" and before.endswith("[") and after.startswith("]"))  # a footnote's mark, "[26]"
    )


# Capitalised words that are a sentence's first word, a hedge or a weekday, not a name: "Roughly 2,300".
NOT_A_NAME = (
    r"(?:Roughly|About|Nearly|Almost|Some|Over|Under|More|Fewer|Less|Only|Just|Approximately|Around|Another|All|Each|Every"
    r"|At|In|By|For|With|Of|The|And|But|Or|To|From|Since|Than|Up|Down|Exactly|Least|Most|Those|These|Its|Their|Our|We|They"
    r"|He|She|It|You|Some|Many|Another|Today|Yesterday|Now|Then|Also|Still|Yet|Almost"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)

# Contexts in which a number is no quantity: a rank ("the top 10"), an age ("he was 13,", "married
# at 21"), an address, a list of sections, a time of day. Used by :mod:`brief.numbers`.
RANK_BEFORE = re.compile(r"\b(?:the|a)\s+(?:top|bottom|last)\s*$", re.I)  # "the last 16 of the Cup": a stage
RANK_AFTER = re.compile(
    r"\s*(?:[,.;:!?)–—-]|$|(?:for|in|of|were|was|is|are|at|on|with|and|by|this|that|again|spots?|places?|list|chart)\b)", re.I
)
AGE_BEFORE = re.compile(
    r"\b(?:(?:he|she|i|they|we|you|who)\s+(?:was|were|is|am|are|turned)|(?:married|died|retired|left\s+school|started\s+work)\s+at)\s*$"
    # "people over 60", "pensioners who are over 80": the age that draws a line between people
    r"|\b(?:people|those|anyone|everyone|adults|pensioners|men|women|residents|patients|drivers|workers|voters|who\s+are|who\s+were)"
    r"\s+(?:over|under|above|below|older\s+than|younger\s+than)\s*$",
    re.I,
)
# An address ("1600 Pennsylvania Avenue", "10 Downing Street").
ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Place|Square|Court|Way)\b"
)
AGE_AFTER = re.compile(
    r"\s*(?:[,.;:!?)]|$|years?\s+old\b|at\s+the\s+time\b|to\s+work\b|(?:get|got|can|could|will|would|must|may|are|were|have|had)\b)", re.I
)
# A number in a list of sections or articles ("sections 343, 1032-1035, 1266"), read back over the list.
ID_LIST_BEFORE = re.compile(
    r"\b(?:sections?|§§?|articles?|paragraphs?|chapters?|titles?|rules?)\s+(?:\d[\w().–-]{0,14},?\s+(?:(?:and|or|through)\s+)?){1,12}$",
    re.I,
)
CLOCK_AFTER = re.compile(r"^\s*(?:GMT|BST|UTC|EST|EDT|CST|CDT|PST|PDT|CET|ET|PT)\b")
# Words that make the number after them an identifier or a citation: "Section 232", "E.O. 14195",
# "Pub. L. 117-58", "FY 23", "docket 24-11". Searched in lower case, in the end of the text before
# a number (:func:`id_before`), with one word boundary before all the words: the engine skips an
# alternative whose first letter differs only when the alternative starts with that letter, and
# only without IGNORECASE (so written, the search takes a tenth of the time).
ID_WORDS_SPAN = 16  # no word of ID_BEFORE is longer
ID_BEFORE = re.compile(
    r"(?:#|§|\(e\.?\s?o\.?\)|\b(?:no\.|nos\.|sections?|sec\.|articles?|chapters?|titles?|page|p\.|pp\.|h\.r\.|s\.|public law|orders?"
    r"|resolution|version|v\.|figure|fig\.|table|annex|appendix|exhibit|step|grade|phase|tier|room|suite|route|e\.\s?o\."
    r"|u\.s\.c\.|c\.f\.r\.|pub\.\s?l\.|p\.\s?l\.|stat\.|fy|docket|dkt\.|case|bill|file|form|paragraphs?|para\.|clause|ext\."
    r"|tel\.|phone|fax|eo\.?|proclamation|directive|amendment|category|level|class|type|stage|region|district|zone"
    r"|precinct|flight|model|series|episode|number|ages?|aged|ages?\s{1,4}of))\s*$"
)


def id_before(before: str) -> bool:
    """Whether the text before a number ends in a word of ID_BEFORE: "Section 232", "E.O. 14195"."""
    end = before.rstrip()[-ID_WORDS_SPAN - 1 :].lower()
    # The first character is read only by a word boundary: "subsection" ends in no "section".
    return ID_BEFORE.search(end, 1 if len(end) > ID_WORDS_SPAN else 0) is not None


# A citation after the number: "21 U.S.C. 801", "8 C.F.R. 214", "410 U.S. 113".
ID_AFTER = re.compile(r"^\s*(?:U\.\s?S\.\s?C\.|C\.\s?F\.\s?R\.|Stat\.|Fed\.\s?Reg\.|U\.\s?S\.\s+\d|F\.\s?\d|S\.\s?Ct\.)")
# What may follow "a third" or "half" when it is a share: "of" (not "of a century"), or the end of
# the clause; "a third country", "a quarter century", "the first half of FY23" are not shares.
SHARE_AFTER = re.compile(
    r"^(?:\s+of\b(?!\s+(?:an?\s+|the\s+)?(?:century|decade|year|month|week|day|mile|hour|season|quarter|fiscal|fy|(?:19|20)\d\d)\b)"
    r"|\s*(?:[.,;:)!?]|$)|\s+(?:in|on|from|since|over|to|and|or|last|this|during|between|while|after|before|than|compared)\b)",
    re.IGNORECASE,
)
HALF_PERIOD = re.compile(r"\b(?:first|second|latter|former|back|front|final|opening|closing|other)\s+$", re.IGNORECASE)
# The unit a word after a count gives it ("12 tons", "three pages").
UNIT_WORDS = {"pages": "pages", "page": "pages", "tons": "tons", "tonnes": "tonnes", "kilograms": "kg", "kg": "kg", "pounds": "pounds",
              "miles": "miles", "kilometers": "km", "km": "km", "days": "days", "months": "months", "weeks": "weeks", "hours": "hours",
              "years": "years", "decades": "decades", "minutes": "minutes", "dollars": "USD", "euros": "EUR", "euro": "EUR", "pesos": "MXN",
              "pounds sterling": "GBP", "times": "times", "year": "years", "month": "months", "week": "weeks", "day": "days",
              "hour": "hours", "decade": "decades", "quarters": "quarters", "feet": "feet", "foot": "feet", "meters": "meters",
              "metres": "meters", "acres": "acres", "hectares": "hectares", "gallons": "gallons", "barrels": "barrels",
              "rupees": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "yuan": "CNY", "yen": "JPY",
              "baht": "THB", "reais": "BRL", "rand": "ZAR", "kronor": "SEK"}  # fmt: skip
