"""Who speaks what is quoted under a heading that names no speaker beside the words: the person a
headline opens with as its subject, or the authors of a document an excerpt is taken from.

Stage: extraction (used by :mod:`.quotes`). Round-ups and records print a speaker's words as a list
under a headline that names them ("At West Point, President Jane Roe Lauds the Cadets", "200 Days
of Winning: Secretary Roe Makes the Case"): no label or verb stands beside each quotation. Only the
headline's first words are read, and only a name the body repeats counts. An excerpt under "From
the op-ed:" is by the people the paragraph before says wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from brief.ingest.givennames import is_given_name
from brief.ingest.namewords import person_groups
from brief.ingest.vocabulary import ROLE_NOUNS, TITLES, bare

# What may open a headline before its subject: "ICYMI: ", "At West Point, ", "74 Times ".
_HEADLINE_LEAD = re.compile(r"(?:[A-Z]{2,}:\s+|At\s+[^,\n]{1,60},\s+|\d+\s+(?:Times|Ways|Things|Reasons)\s+)*")


def headline_subject(text: str) -> tuple[str, str | None] | None:
    """The person a headline opens with as its subject: "At West Point, President Jane Roe Lauds the
    Cadets" -> ("Jane Roe", "President"), the longest run of its first words that the body names
    too; none for an object ("Farmers Back Roe’s Tariffs")."""
    line, _, body = text.partition("\n")
    line = re.sub(r"^[^\w“\"]+", "", line)  # "✅ 200 Days …": a mark before the words
    kicker = line.split(": ", 1)[1] if ": " in line[:80] else None  # "200 Days of Winning: President Roe Is …"
    return _subject_of(line, body) or (_subject_of(kicker, body) if kicker else None)


def _subject_of(line: str, body: str) -> tuple[str, str | None] | None:
    lead = _HEADLINE_LEAD.match(line)  # always matches, perhaps nothing
    tokens = line[lead.end() if lead else 0 :].split()[:8]
    verb = next((k for k, token in enumerate(tokens) if token[:1].islower()), len(tokens))
    for i, j in person_groups(tokens[:verb])[:1]:
        if not (is_given_name(bare(tokens[i])) or all(t in TITLES or t.lower() in ROLE_NOUNS for t in tokens[:i])):
            return None  # "The One Big Beautiful Bill Will …": a thing's name, neither a given name nor an office before it
        for end in range(j, i, -1):
            name = " ".join(bare(t) for t in tokens[i:end])
            # the body names the subject in full or by surname ("Secretary Roe makes the case")
            named = re.search(rf"\b{re.escape(name)}\b", body) or (
                end - i >= 2 and re.search(rf"\b{re.escape(bare(tokens[end - 1]))}\b", body)
            )
            if i <= 2 and not re.search(r"[’']s?$", tokens[end - 1]) and named:
                return name, " ".join(tokens[:i]) or None
    return None


# A line that introduces an excerpt of a document the paragraph before describes: "From the op-ed:".
_FROM_DOCUMENT = re.compile(
    r"[*_\s]*(?:From|Read|Excerpts?\s+from)\s+(?:the|their|his|her)\s+(?:new\s+)?"
    r"(?P<doc>op-ed|article|column|essay|letter|editorial|report|piece|interview|testimony|speech|statement)[*_\s]*:[*_\s]*"
)


def document_authors(text: str, line_start: int, line_end: int, before_start: int, people: Iterable[str]) -> str | None:
    """Who wrote the document whose excerpt follows the line text[line_start:line_end] ("From the
    op-ed:"): the people named in full in the paragraph before, when it names the document ("In a
    new op-ed, Dr. Ana Ruiz and Tom Lee outline …"), joined as one speaker."""
    line = _FROM_DOCUMENT.fullmatch(text, line_start, line_end)
    if line is None:
        return None
    before = text[before_start : max(before_start, line_start - 2)]
    if not re.search(rf"\b{line.group('doc')}\b", before, re.I):
        return None
    named = sorted((before.find(p), p) for p in people if " " in p and p in before)
    names = [p for _, p in named]
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
