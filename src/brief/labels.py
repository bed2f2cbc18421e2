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
from collections.abc import Sequence

# A sentence ends at . ? or ! before a capital, but not after an initial or "U.S.".
_STOPS = re.compile(r"(?<=[.?!])(?<![A-Z]\.[A-Z]\.)(?<![\s(][A-Z]\.)\s+(?=[“\"‘(]?[A-Z0-9])|\n+")


def fold(text: str) -> str:
    """Lower case without accents: "Mérida" and "Merida" compare alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def misnamed(label: str, quote: str, text: str, organizations: Sequence[str], people: Sequence[str] = ()) -> str | None:
    """The first name (of the source's organisations, then its people) that `label` gives but the
    text beside `quote` does not; None when the label names no one wrongly. An organisation must
    be in the quote's own sentence (a list of companies and their shares puts the neighbour one
    sentence away); a person may be named in the sentences around it or its paragraph, as a
    speaker often is."""
    flat = " ".join(text.split())
    at = flat.find(" ".join(quote.split()))
    if at < 0:
        return None
    bounds = [0] + [m.end() for m in _STOPS.finditer(flat)] + [len(flat)]
    index = max(i for i, start in enumerate(bounds[:-1]) if start <= at)
    sentence = fold(flat[bounds[index] : bounds[index + 1]])
    around = fold(flat[bounds[max(0, index - 1)] : bounds[min(len(bounds) - 1, index + 2)]])
    paragraph = next((p for p in re.split(r"\n", text) if " ".join(quote.split()) in " ".join(p.split())), "")
    around += " " + fold(" ".join(paragraph.split()))
    label_folded = fold(label)
    for names, window in ((organizations, sentence), (people, around)):
        words = re.findall(r"[^\W\d_]+", window)
        initials = "".join(w[0] for w in words)
        for name in names:
            if len(name) < 2 or not re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", label_folded):
                continue
            parts = [p for p in re.findall(r"[^\W\d_]+", fold(name)) if len(p) >= 4] or [fold(name)]
            if any(re.search(rf"(?<!\w){re.escape(p)}", window) for p in parts):
                continue
            if name.isupper() and 2 <= len(name) <= 6 and fold(name) in initials:
                continue
            return name
    return None
