"""Figure labels that pin a number on the right name.

A figure's label says what the number measures, and often whose it is: "revenue of Lam Research",
"seizures by CBP". When the label names an organisation or a person the source names elsewhere
but not beside the number, the number is pinned on the wrong name (a list of companies and their
shares labelled with the neighbouring company). ``brief check`` reports such a label and ingest
drops such a draft, with this one rule, so ingest never drafts what check rejects.

A name counts as given beside the number when it, or one of its longer words, appears beside the
figure's quote, accents aside: an organisation in the quote's own sentence, a person in the
sentences around it or its paragraph (a speaker is often named a few sentences up). An acronym
counts when the words it abbreviates are there ("FDI" for "foreign direct investment").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from brief.numbers import read_numbers

# A sentence ends at . ? or ! before a capital, but not after an initial or "U.S.".
_STOPS = re.compile(r"(?<=[.?!])(?<![A-Z]\.[A-Z]\.)(?<![\s(][A-Z]\.)\s+(?=[“\"‘(]?[A-Z0-9])|\n+")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents: "Mérida" and "Merida" compare alike."""
    if text.isascii():
        return text.lower()  # most text: no accent to take off
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


@dataclass(frozen=True)
class _Passages:
    """A text read once for all its figures' labels: flattened, its sentence bounds, and its
    paragraphs flattened (a source of a hundred figures is not re-read a hundred times)."""

    flat: str
    bounds: list[int]
    paragraphs: list[str]


@lru_cache(maxsize=8)
def _passages(text: str) -> _Passages:
    flat = " ".join(text.split())
    bounds = [0] + [m.end() for m in _STOPS.finditer(flat)] + [len(flat)]
    return _Passages(flat, bounds, [" ".join(p.split()) for p in text.split("\n")])


def misnamed(label: str, quote: str, text: str, organizations: Sequence[str], people: Sequence[str] = ()) -> str | None:
    """The first name (of the source's organisations, then its people) that `label` gives but the
    text beside `quote` does not; None when the label names no one wrongly. An organisation must
    be in the quote's own sentence (a list of companies and their shares puts the neighbour one
    sentence away); a person may be named in the sentences around it or its paragraph, as a
    speaker often is."""
    label_folded = fold(label)
    named = [name for name in (*organizations, *people) if len(name) >= 2 and _names(label_folded, name)]
    if not named:
        return None  # most labels name no one: nothing to look up
    passages = _passages(text)
    flat, bounds = passages.flat, passages.bounds
    quote_flat = " ".join(quote.split())
    at = flat.find(quote_flat)
    if at < 0:
        return None
    index = bisect_right(bounds, at, 0, len(bounds) - 1) - 1
    sentence = fold(flat[bounds[index] : bounds[index + 1]])
    around = fold(flat[bounds[max(0, index - 1)] : bounds[min(len(bounds) - 1, index + 2)]])
    paragraph = next((p for p in passages.paragraphs if quote_flat in p), "")
    around += " " + fold(paragraph)
    for names, window in ((organizations, sentence), (people, around)):
        words = re.findall(r"[^\W\d_]+", window)
        initials = "".join(w[0] for w in words)
        for name in names:
            if name not in named:
                continue
            parts = [p for p in re.findall(r"[^\W\d_]+", fold(name)) if len(p) >= 4] or [fold(name)]
            if any(re.search(rf"(?<!\w){re.escape(p)}", window) for p in parts):
                continue
            if name.isupper() and 2 <= len(name) <= 6 and fold(name) in initials:
                continue
            return name
    return None


def _names(label_folded: str, name: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", label_folded))


def states_value(quote: str, value: float, upper: float | None = None) -> bool:
    """Does a figure's quote, read alone, state its value? `brief check` asks (figure/value), and
    ingest drafts no figure it would refuse."""
    close = lambda a, b: abs(a - b) <= max(abs(b) * 0.002, 0.01)  # noqa: E731
    for found in read_numbers(quote):
        if close(found.value, value) and (upper is None or found.upper is None or close(found.upper, upper)):
            return True
        if upper is not None and found.upper is None and close(found.value, upper):
            return True
    return False
