"""Finding verbatim spans in raw sources, tolerant of white space and quotation-mark style.

Stage: verify (``brief check`` finds each quote in its source); the figure ledger of the build
records the character span of each figure's quote with it.
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "\u00a0": " "})


_JOINED_NEXT = re.compile(r"[^\W\d_]|[\"']")


def normalize(text: str) -> tuple[str, list[int]]:
    """Text with quotes unified (two apostrophes are a double quotation mark), a block quotation's
    mark inside a joined line dropped and white space runs collapsed, plus, for each character of
    the result, its offset in the original, so a match maps back to a span of the raw text."""
    out: list[str] = []
    offsets: list[int] = []
    previous_space = False
    unified = text.translate(_QUOTES)
    folded = False
    for index, char in enumerate(unified):
        if folded:  # the second of two apostrophes written for a double quotation mark ('' … '')
            folded = False
            continue
        if char == "'" and unified[index + 1 : index + 2] == "'":
            char, folded = '"', True
        if char == ">" and previous_space and unified[index + 1 : index + 2] == " " and _JOINED_NEXT.match(unified, index + 2):
            continue  # a block quotation's mark inside a joined line, which ingest drops (clean)
        if char.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
        offsets.append(index)
    return "".join(out), offsets


def find_span(haystack: str, needle: str) -> tuple[int, int] | None:
    """The [start, end) span of `needle` in `haystack`, or None."""
    start = haystack.find(needle)
    if start >= 0:
        return start, start + len(needle)
    norm_hay, offsets = normalize(haystack)
    norm_needle = re.sub(r"\s+", " ", needle.translate(_QUOTES).replace("''", '"')).strip()
    if not norm_needle:
        return None
    at = norm_hay.find(norm_needle)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(norm_needle) - 1] + 1
