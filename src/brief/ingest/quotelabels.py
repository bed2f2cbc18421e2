"""Labels that introduce quoted words: a name and a colon, a label line, a list of guests.

Stage: extraction (used by :mod:`.attribution`). Releases, readouts and round-ups print who speaks
as a label before the words rather than in a sentence: "President Jane Roe: “…”", "Rep. Jane Roe
(D-NY): “…”", "Jane Roe, President and CEO, Harbor Mining: “…”", "Statement from Governor Jane
Roe:", "From the Harbor Board:", "In the words of Seamus Heaney, “…”". Each pattern is anchored
at the end of a window of at most a few hundred characters before the opening mark.
"""

from __future__ import annotations

import re

from brief.ingest.namewords import name_groups
from brief.ingest.speechwords import ROLE_WORD, TITLED, VERBS

# "President Jane Roe: “…”", and a line that starts with who speaks: "- Harbor boss Jane Roe “…”".
# A party and a seat in brackets may follow the name: "Rep. Jane Roe (D-NY): “…”".
_SEAT = r"(?:[^\S\n]*\([^()\n:“”\"]{1,30}\))?"
# A sentence may open with a description that ends in a role ("BBC Two controller Ana Roe: “…”"),
# or with the verb ("Said Wales coach Ana Roe: “…”").
_COLON = re.compile(
    rf"(?:^|[\n*_(]|[.!?]\s)\s*(?:(?:[Ss]aid|[Aa]dded)\s+)?(?:(?P<desc>(?:[\w’'-]+\s+){{0,4}}?(?:{ROLE_WORD}))\s+)?(?P<who>{TITLED}){_SEAT}:[*_\s]*$|(?:^|\n)[-•*\s]*(?:[\w’'-]+\s+){{0,3}}?(?P<line>{TITLED})\s*$"
)
# A label that introduces someone's words with a colon: "Statement from Governor Ana Ruiz:",
# "Full remarks by the minister:", "Ana Ruiz’s statement:", and a line "From the Harbor Board:".
_WORDS_LABEL = re.compile(
    rf"(?:^|\n|[.!?]\s)[*_\s]*(?:[A-Z][a-z]+\s+){{0,2}}?(?:[Ss]tatement|[Rr]emarks|[Mm]essage|[Ll]etter|[Qq]uote)s?\s+"
    rf"(?:from|by|of)\s+(?:the\s+)?(?P<who>{TITLED}):[*_\s]*$|(?:^|\n)[*_\s]*From\s+(?:the\s+)?(?P<source>{TITLED}):[*_\s]*$|(?P<owner>{TITLED})[’']s?\s+(?:[a-z]+\s+)?(?:statement|remarks|message):[*_\s]*$"
)
# A line that starts with a name, its roles after commas, then a colon: "Jane Roe, President and CEO,
# Harbor Mining: “…”", as readouts and releases list what each guest said.
_LINE_ROLES = re.compile(rf"(?:^|\n)[-•*\s]*(?P<who>{TITLED}){_SEAT},[^\S\n]+(?P<role>[^:\n“”\"]{{2,280}}):[*_\s]*$")
# Someone else's words the speaker repeats: "In the words of Seamus Heaney, “…”", "to quote the
# great Reverend Gardner Taylor, and his words ring true: “…”".
_WORDS_OF = re.compile(
    rf"\b(?:[Ii]n\s+the\s+words\s+of|[Tt]o\s+quote|quot(?:e|ed|ing))\s+"
    rf"(?:the\s+(?:great|late|poet|writer|former)\s+)?(?P<who>{TITLED})(?![^:,“”\"]{{0,80}}\bas\s+saying)"
)


def label_speaker(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    """Who a label before the opening mark at `end` names, reading text[start:end] (and, for a
    list of guests with their roles, at most 320 characters back)."""
    window = text[start:end]
    listed = _LINE_ROLES.search(text, max(0, end - 320), end)
    if listed and re.search(rf"\b{VERBS}\b", listed.group("role")):
        listed = None  # "Colin Ash, Seaside Hotel Association said:": a speech verb, read below
    if listed and any(j == len(listed.group("who").split()) and j - i >= 2 for i, j in name_groups(listed.group("who").split())):
        return listed.group("who"), listed.group("role").strip()  # "Jane Roe, Director, Harbor Board: “…”"
    words_of = _WORDS_OF.search(window) if window.rstrip().endswith((":", ",")) else None
    if words_of:
        return words_of.group("who"), None  # "In the words of Seamus Heaney, “…”"
    colon = _COLON.search(window)
    named = (colon.group("who") or colon.group("line")) if colon else None
    # a line's start names a person in full, as does a description's end
    least = 1 if colon and colon.group("who") and not colon.group("desc") else 2
    if named and any(j == len(named.split()) and j - i >= least for i, j in name_groups(named.split())):
        return named, None  # "President Jane Roe: “…”"
    label = _WORDS_LABEL.search(window) if window.rstrip(" *_\n").endswith(":") else None
    if label:
        return label.group("who") or label.group("source") or label.group("owner"), None  # "Statement from Governor Ana Ruiz:"
    return None
