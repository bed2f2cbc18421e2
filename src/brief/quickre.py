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
from collections.abc import Iterable


def word_start(*words: str) -> str:
    """``\\b(?:word|word…)`` written to be scanned for: each word, then a look back that checks
    that it starts a word ("his" in "this" is no "his")."""
    return "(?:" + "|".join(word_starts(*words)) + ")"


def word_starts(*words: str) -> list[str]:
    """The alternatives of :func:`word_start`, for a pattern that puts others beside them at its
    top (an alternation inside another gets no scan)."""
    return [f"{word}(?<=\\b{word})" for word in map(re.escape, words)]


# The characters IGNORECASE matches to an ASCII letter that ``str.lower`` does not turn into that
# letter: dotted İ (which it turns into two characters) and dotless ı for "i", long ſ for "s".
# Found by trying every character against every letter.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


def lowered(text: str) -> str | None:
    """``text.lower()``, where a case-sensitive search of it with a :func:`lowered_pattern` finds
    the spans a case-blind search of `text` finds; None where the text holds a character that the
    two fold differently."""
    return text.lower() if folds_alike(text) else None


def may_hold(folded: str | None, words: Iterable[str]) -> bool:
    """Whether a case-blind pattern every match of which holds one of these lower-case words may
    match a text, told from its :func:`lowered` copy: it may not when the copy holds none of them
    (an untrustworthy copy, None, decides nothing)."""
    return folded is None or any(word in folded for word in words)


def folds_alike(text: str) -> bool:
    """Whether ``text.lower()`` folds every letter of `text` as IGNORECASE does (see :func:`lowered`)."""
    return _FOLDS_APART.search(text) is None


def lowered_pattern(source: str) -> str:
    """A pattern's source with its ASCII letters in lower case, but not its escapes (``\\S``,
    ``\\W``) or its groups' names: compiled without IGNORECASE, for a :func:`lowered` text."""
    return re.sub(r"\\.|\(\?P[<=]\w+|[A-Z]", lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), source)


_Tree = dict[str, "_Tree"]  # a letter to the tree of the words' rest; "" where a word ends


def prefix_tree(words: Iterable[str]) -> str:
    """Literal words as one tree of their shared beginnings ("se(?:ven|cond)"), for a gate: a look
    ahead that asks whether one of them starts here. The engine then reads a word's letters once,
    not once for each word of the list. A word in the list ends the branch it is on, so its longer
    forms match too ("seven" lets "seventy" through); which word matches is not kept."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: _Tree) -> str:
        if "" in node:
            return ""
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(tree)


# A year of four digits, 1900 to 2099, as a word: "\b(?:19|20)\d\d\b" written with the boundary
# looked back for from its third digit, so that the engine scans for a "1" or a "2".
YEAR = r"(?:19|20)(?<!\w..)\d\d\b"
