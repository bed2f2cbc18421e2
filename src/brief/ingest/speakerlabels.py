"""Transcripts' speaker labels ("THE PRESIDENT:", "MS. JEAN-PIERRE:", "Q") and the people they name.

Stage: extraction (used by :mod:`.names`, which adds the people, and :mod:`.quotes`, which credits
a turn's "I"). A label is an upper-case line opening of at most five words and a colon; each
distinct label is resolved once (MAX_LABELS at most), and the text is searched in its first
200,000 characters only.
"""

from __future__ import annotations

import re

from brief.ingest.namewords import HONORIFICS as _HONORIFICS
from brief.ingest.namewords import SP as _SP
from brief.ingest.namewords import NameIndex, join_name, name_groups
from brief.ingest.vocabulary import NAME_WORD, NOT_NAME, ROLE_LABELS, TITLES, is_person_name

MAX_LABELS = 50  # distinct speaker labels of a transcript resolved to names
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z.'’-]*(?:[^\S\n][A-Z][A-Z.'’-]*){0,4}):[^\S\n]", re.M)


def speaker_labels(text: str, people: dict[str, str | None], index: NameIndex) -> list[tuple[int, str, str | None]]:
    """Transcripts' speaker labels, each as (where, person, role): "THE PRESIDENT:" is the
    president the text names, "MS. JEAN-PIERRE:" and "SECRETARY BLINKEN:" name a person. A label
    that names a role only ("MODERATOR:", "Q") is the end of the previous speaker's turn: (where, '', None)."""
    found: list[tuple[int, str, str | None]] = []
    resolved: dict[str, tuple[str, str | None]] = {}
    for match in _LABEL.finditer(text):
        label = match.group("label")
        if label not in resolved and len(resolved) < MAX_LABELS:
            resolved[label] = _label_person(text, label, people, index)
        found.append((match.start(), *resolved.get(label, ("", None))))
    return found


def _label_person(text: str, label: str, people: dict[str, str | None], index: NameIndex) -> tuple[str, str | None]:
    words = [w.capitalize() if "." not in w else w.title() for w in label.split()]
    if any(w in NOT_NAME and w not in TITLES and w.rstrip(".") not in _HONORIFICS for w in words[1:]) or len(words) > 4:
        return "", None  # "A RETURN TO ACCOUNTABILITY:" is a heading
    if words[0] == "The":
        title = " ".join(words[1:])
        holder = next((n for n, r in people.items() if r and r.split()[-1:] == title.split()[-1:] and r.endswith(title)), None)
        holder = holder or _titled_in(text, title)
        return (holder, title) if holder else ("", None)
    if any(w.strip(".'’") in ROLE_LABELS for w in words) or len(label.replace(".", "").replace(" ", "")) < 3:
        return "", None
    surname = _spelled(text, words[-1])
    address = " ".join(words[:-1]).rstrip(".")
    if surname and is_person_name(surname):  # "Ms." is a form of address, not a role
        full = index.complete(surname)
        if not address and full == surname:
            return "", None  # "HOAX:", "MYTHBUSTER:": one word the text gives no one as a surname
        if address and address not in _HONORIFICS and full != surname and not _titled_in_full(text, address, surname, full):
            full = surname  # "PRESIDENT BIDEN:" where the text names "Dr. Jill Biden": not her, but "President Biden"
        return full, None if not address or address in _HONORIFICS else address
    return "", None


def _titled_in_full(text: str, title: str, surname: str, full: str) -> bool:
    """Whether the text gives `full` the label's `title` ("Secretary of State Antony Blinken" for
    "SECRETARY BLINKEN"), or never writes the title before the bare surname ("President Biden")."""
    between = r"(?:[^\S\n]+(?!(?:and|First|Lady|Dr|Mrs|Ms|Mr)\b)[\w.’'-]+){0,4}?"
    if re.search(rf"\b{re.escape(title)}{between}[^\S\n]+{re.escape(full)}\b", text[:200_000], re.I):
        return True
    return not re.search(rf"\b{re.escape(title)}[^\S\n]+{re.escape(surname)}\b", text[:200_000], re.I)


def _titled_in(text: str, title: str) -> str | None:
    """The name after the first "President X" in the text that is not "Vice President X"."""
    for match in re.finditer(rf"(?<!Vice )\b{re.escape(title)}{_SP}({NAME_WORD}(?:{_SP}{NAME_WORD}){{0,3}})", text[:200_000]):
        groups = name_groups(match.group(1).split())
        if groups and groups[0][0] == 0:
            i, j = groups[0]
            return join_name(match.group(1).split()[i:j])
    return None


def _spelled(text: str, word: str) -> str | None:
    """How the text spells an upper-case label's surname elsewhere ("MCCONNELL" -> "McConnell")."""
    for match in re.finditer(rf"\b{re.escape(word)}\b", text[:200_000], re.I):
        found = match.group(0)
        if not found.isupper():
            return found
    return word if "-" in word or word.isalpha() else None


def turn_opening(text: str, label: tuple[int, str, str | None], open_at: int) -> tuple[str, str | None] | None:
    """The speaker of a transcript's turn (`label`, as :func:`speaker_labels` gives it) whose words
    open with a quotation right after the label's colon ("PRESIDENT ROE: “…”"); none for a role."""
    at, person, role = label
    colon = text.find(":", at, open_at)
    return (person, role) if person and colon >= 0 and not text[colon + 1 : open_at].strip(" *_") else None
