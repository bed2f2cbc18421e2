"""Markers: how footnote calls, bibliography entries, charts and portion marks travel through
Markdown.

Stage: assembly. Section templates and the analyst's prose render to Markdown, which
:mod:`.blocks` converts to Memo blocks. A helper that must put something other than text into
that stream puts a *marker* there: private-use characters around a kind and a key
(``\\ue000c:3\\ue001``), which Markdown leaves alone. When the Markdown is converted, the
assembler resolves each marker, in reading order, into inline runs or a block, so footnotes are
numbered as the reader meets them. The kinds are named here, once.
"""

from __future__ import annotations

import re
from enum import StrEnum

OPEN, CLOSE = "\ue000", "\ue001"


class Kind(StrEnum):
    """What a marker stands for, and what its key is."""

    CITATION = "c"  # a footnote call; key: the index of a citation request
    ENTRY = "b"  # a bibliography entry; key: a source id
    CHART = "g"  # a chart block, on a paragraph of its own; key: the chart's index
    PORTION = "m"  # the marking of a portion the reader sees (it counts toward the banner); key: the marking


PATTERN = re.compile(f"{OPEN}([{''.join(kind.value for kind in Kind)}]):([^{CLOSE}]*){CLOSE}")


def marker(kind: Kind, key: str | int) -> str:
    return f"{OPEN}{kind.value}:{key}{CLOSE}"


def strip_markers(text: str) -> str:
    """The text with every marker replaced by a space (markers are not words)."""
    return PATTERN.sub(" ", text)
