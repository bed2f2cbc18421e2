"""Markers: how footnote calls, bibliography entries, charts and portion marks travel through
Markdown.

Stage: assembly. Section templates and the analyst's prose render to Markdown, which
:mod:`.blocks` converts to Memo blocks. A helper that must put something other than text into
that stream puts a *marker* there: private-use characters around a nonce, a kind and a key
(``\\ue000<nonce>c:3\\ue001``), which Markdown leaves alone. When the Markdown is converted, the
assembler resolves each marker, in reading order, into inline runs or a block, so footnotes are
numbered as the reader meets them. The kinds are named here, once.

Markers are out of band: every input is cleaned of private-use characters where it is read
(:mod:`brief.untrusted`), and each memo's markers carry a random nonce besides, so no text from a
source, a summary or a brief can spell a marker (a banner marking, a citation, a chart).
"""

from __future__ import annotations

import re
import secrets
from enum import StrEnum

OPEN, CLOSE = "\ue000", "\ue001"


class Kind(StrEnum):
    """What a marker stands for, and what its key is."""

    CITATION = "c"  # a footnote call; key: the index of a citation request
    ENTRY = "b"  # a bibliography entry; key: a source id
    CHART = "g"  # a chart block, on a paragraph of its own; key: the chart's index
    PORTION = "m"  # the marking of a portion the reader sees (it counts toward the banner); key: the marking


_KINDS = "".join(kind.value for kind in Kind)
_ANY = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}|[{OPEN}{CLOSE}]")


class Markers:
    """The markers of one memo: each carries this memo's nonce, and only those are resolved."""

    def __init__(self, nonce: str | None = None) -> None:
        self.nonce = nonce or secrets.token_hex(8)
        self.pattern = re.compile(f"{OPEN}{re.escape(self.nonce)}([{_KINDS}]):([^{OPEN}{CLOSE}]*){CLOSE}")

    def make(self, kind: Kind, key: str | int) -> str:
        return f"{OPEN}{self.nonce}{kind.value}:{key}{CLOSE}"


def strip_markers(text: str) -> str:
    """The text with every marker (of any memo) replaced by a space: markers are not words."""
    return _ANY.sub(" ", text)
