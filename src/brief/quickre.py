"""Pieces of regular expressions written so that Python's engine finds their matches fast.

A search tries its pattern at every position of the text, unless the pattern starts with a
letter, a set of letters, or alternatives that each start with a letter: then the engine scans
for those letters in a tight loop and tries the pattern only where one stands. A pattern that
starts with a word boundary (``\\b(?:thank|welcome)``) or with a set inside each alternative
(``[Mm]y|[Hh]is``) gets no such scan, nor does one with IGNORECASE. On a page of text the
difference is a factor of two to three for each such pattern, and ingest runs dozens of them
over every source. The scan needs the alternatives at the top of the pattern: inside another
alternation they gain nothing, and their looks back cost a little.

IGNORECASE is costly too: the engine folds every letter it compares. A search of the lower-cased
text with a pattern of lower-case letters finds the same spans (:func:`lowered`,
:func:`lowered_pattern`), except where the text holds one of the three characters that the
engine matches to an ASCII letter and ``str.lower`` does not turn into it.
"""

from __future__ import annotations

import re


def word_start(*words: str) -> str:
    """``\\b(?:word|word…)`` written to be scanned for: each word, then a look back that checks
    that it starts a word ("his" in "this" is no "his")."""
    return "(?:" + "|".join(f"{word}(?<=\\b{word})" for word in map(re.escape, words)) + ")"


# The characters IGNORECASE matches to an ASCII letter that ``str.lower`` does not turn into that
# letter: dotted İ (which it turns into two characters) and dotless ı for "i", long ſ for "s".
# Found by trying every character against every letter.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


def lowered(text: str) -> str | None:
    """``text.lower()``, where a case-sensitive search of it with a :func:`lowered_pattern` finds
    the spans a case-blind search of `text` finds; None where the text holds a character that the
    two fold differently."""
    return None if _FOLDS_APART.search(text) else text.lower()


def lowered_pattern(source: str) -> str:
    """A pattern's source with its ASCII letters in lower case, but not its escapes (``\\S``,
    ``\\W``) or its groups' names: compiled without IGNORECASE, for a :func:`lowered` text."""
    return re.sub(r"\\.|\(\?P[<=]\w+|[A-Z]", lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), source)
