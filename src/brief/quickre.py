"""Pieces of regular expressions written so that Python's engine finds their matches fast.

A search tries its pattern at every position of the text, unless the pattern starts with a
letter, a set of letters, or alternatives that each start with a letter: then the engine scans
for those letters in a tight loop and tries the pattern only where one stands. A pattern that
starts with a word boundary (``\\b(?:thank|welcome)``) or with a set inside each alternative
(``[Mm]y|[Hh]is``) gets no such scan, nor does one with IGNORECASE. On a page of text the
difference is a factor of two to three for each such pattern, and ingest runs dozens of them
over every source. The scan needs the alternatives at the top of the pattern: inside another
alternation they gain nothing, and their looks back cost a little.
"""

from __future__ import annotations

import re


def word_start(*words: str) -> str:
    """``\\b(?:word|word…)`` written to be scanned for: each word, then a look back that checks
    that it starts a word ("his" in "this" is no "his")."""
    return "(?:" + "|".join(f"{word}(?<=\\b{word})" for word in map(re.escape, words)) + ")"
