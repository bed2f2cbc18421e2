"""Number words, and the spoken and vague counts that quantify nothing a source reports.

Used by :mod:`brief.numbers`, which reads numbers by these tables and asks
:func:`counts_nothing` about a count in its context: an age ("adults 65 and older"), a length of
time with a word between ("two consecutive quarters"), a vague amount ("a village or two"), the
size of a list that follows ("the following six actions") or a speaker's count of their own
questions and points ("I have two questions"), which transcripts and fact sheets are full of.

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


def counts_nothing(kind: str, value: float, before: str, after: str) -> bool:
    """Whether a count (`kind` "number" or "words", of `value`) between the words `before` and
    `after` is an age, a length of time, a vague amount, a list's size or a speaker's count."""
    return bool(
        _FOLLOWING_BEFORE.search(before)
        or _AGE_RANGE_AFTER.match(after)
        or _DURATION_AFTER.match(after)
        or (kind == "words" and _VAGUE_BEFORE.search(before) and not re.match(r"\s*(?:percent|per cent)\b", after, re.I))
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
