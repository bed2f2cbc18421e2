"""Names in a text's words: runs of capitalised words, the groups of name words in each run, an
index of the names of two words or more, to complete a surname used alone, and the merging of the
forms of one person's name into its fullest.

Stage: extraction (used by :mod:`.names` and :mod:`.quotes`). One regular expression reads the
runs in one pass; each run is at most twenty words, so the work on a run is bounded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from brief.ingest.givennames import is_given_name
from brief.ingest.vocabulary import (
    CAPITAL_WORD,
    INITIAL,
    NAME_WORD,
    NOT_NAME,
    PARTICLE,
    PARTICLES,
    PLACE_STARTS,
    TITLES,
    bare,
    ends_sentence,
    is_name_word,
    may_glue,
)

HONORIFICS = frozenset("Mr Mrs Ms Mx Miss Sir Dame Dr".split())
# Words kept from names (a party, a nationality, a common noun) that are surnames too.
SURNAME_WORDS = frozenset("Green English French Welsh Christian Best Day Page Law Lake".split())
_SURNAME_TITLES = frozenset("King Bishop Judge Pope Dean Marshal Major Prince Earl Baron Cardinal Deacon".split())
SP = r"[^\S\n]+"  # spaces within a line: a name never runs across a line break
_LINK = rf"{SP}(?:(?:of|for|to|the|and|on|at|{PARTICLE}){SP}){{0,3}}"
_RUN = re.compile(rf"(?:(?<=then-)|(?<=ex-)|(?<![\w'’-])){NAME_WORD}(?:{_LINK}{NAME_WORD}){{0,19}}")
# _RUN for a text without glued name words (vocabulary.may_glue), written to start with its
# capital so that the engine scans for one: three to four times faster.
_CAPITALS_RUN = re.compile(rf"[A-ZÀ-Þ](?:(?<=then-.)|(?<=ex-.)|(?<![\w'’-].))[\w'’.-]{{0,59}}(?:{_LINK}{CAPITAL_WORD}){{0,19}}")

_TOKEN = re.compile(r"\S+")  # a word of a run (a run holds no line break)


@dataclass
class NameIndex:
    """Every group of name words in a text (people or not yet known), to complete a surname."""

    full: dict[str, list[str]] = field(default_factory=dict)  # surname -> names of two words or more ending in it
    alone: Counter[str] = field(default_factory=Counter)  # words used as a name on their own
    runs: list[tuple[int, list[str]]] = field(default_factory=list)  # the text's runs of capitalised words, read once
    # People known only from a list beside a known person: listed, not the subjects a "he" points to.
    listed: set[str] = field(default_factory=set)
    # People known only by a common given name; after a preposition ("goals from Tim Sole") such a
    # name is a passing mention, not a subject a "he" or "the Welshman" points back to.
    weak: set[str] = field(default_factory=set)
    # Surnames a transcript's label gives with a title ("PRESIDENT BIDEN:") that no fuller name in
    # the text carries: not merged into a namesake ("Dr. Jill Biden").
    titled: set[str] = field(default_factory=set)

    def note(self, name: str) -> None:
        names = self.full.setdefault(name.split()[-1], [])
        if name not in names and len(names) < 8:
            names.append(name)

    def complete(self, name: str) -> str:
        """'Roe' -> 'Jane Roe', 'Forrest Jones' -> 'Michael Forrest Jones', when the text names
        one person so (two people of one surname leave it as it is)."""
        fuller = [n for n in self.full.get(name.split()[-1], []) if n.endswith(" " + name)]
        longest = max(fuller, key=len, default=None)
        return longest if longest and all(longest.endswith(n) for n in fuller) else name


def name_groups(tokens: list[str]) -> tuple[tuple[int, int], ...]:
    """Ranges [i, j) of tokens that can be a name: name words, with particles inside. A tuple, as
    the groups are cached and shared: no caller can change them."""
    return _name_groups(tuple(tokens))


@lru_cache(maxsize=4096)
def _name_groups(tokens: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    # Cached: the people, the mentions and the quotations of a text each read the groups of its
    # runs of capitalised words, and a run's groups depend on its words alone.
    groups: list[tuple[int, int]] = []
    start = None
    for index, token in enumerate((*tokens, "")):
        word = bare(token)
        inside = start is not None and (token in PARTICLES or bool(INITIAL.fullmatch(token)))  # "de", "R."
        addressed = (
            index > 0
            and tokens[index - 1].rstrip(".") in HONORIFICS
            and word[:1].isupper()
            and word not in NOT_NAME
            # "Dr. King", "Mr Major": after a form of address a title's word that is also a common
            # surname is the surname ("Mr. President" is an office, addressed)
            and (word not in TITLES or (word in _SURNAME_TITLES and tokens[index - 1].rstrip(".") not in ("Sir", "Dame")))
        )
        ok = bool(token) and (is_name_word(word, first=start is None and not addressed) or inside)  # "Dr. King"
        if (
            not ok
            and word in SURNAME_WORDS
            and (
                (start == index - 1 and is_given_name(bare(tokens[start])))
                or (start is None and index > 0 and tokens[index - 1].rstrip(".") in HONORIFICS)
            )
        ):
            ok = True  # "Justin Green", "Mr Green": after a given name or a form of address, a surname
        if ok and start is None and (word in PLACE_STARTS or (index and tokens[index - 1] in PLACE_STARTS)):
            ok = False  # "Hong Kong", "Las Vegas"; "El Salvador" is no Salvador
        if ok and start is not None and word in TITLES and index + 1 < len(tokens) and is_name_word(bare(tokens[index + 1])):
            ok = False  # "Rear Admiral Tomas Brandt": a title before a name ends the group before it
        if ok and start is None:
            start = index
        if not ok or word != token:  # a possessive ends a name: "Obama’s Initiative"
            end = index + 1 if ok else index
            if start is not None:
                while end > start and (tokens[end - 1] in PARTICLES or INITIAL.fullmatch(tokens[end - 1])):
                    end -= 1
                if end > start:
                    groups.append((start, end))
            start = None
    return tuple(groups)


def person_groups(tokens: list[str]) -> list[tuple[int, int]]:
    """Groups of :func:`name_groups` that name a person on their own: two name words or more, or
    one right after a title ("Governor Hochul")."""
    return [(i, j) for i, j in name_groups(tokens) if j - i >= 2 or (i and tokens[i - 1] in TITLES)]


def runs(text: str) -> list[tuple[int, list[str]]]:
    """Runs of capitalised words as (start, tokens), cut where a sentence ends inside one."""
    found: list[tuple[int, list[str]]] = []
    for match in (_RUN if may_glue(text) else _CAPITALS_RUN).finditer(text):
        words = match.group(0).split()
        if not any(map(ends_sentence, words[:-1])):  # most runs: no sentence ends inside
            if ends_sentence(words[-1]):
                words[-1] = words[-1][:-1]
            found.append((match.start(), words))
            continue
        tokens: list[str] = []
        start = match.start()
        for piece in _TOKEN.finditer(match.group(0)):
            token = piece.group(0)
            if not tokens:
                start = match.start() + piece.start()  # a run cut at a sentence's end goes on from here
            if ends_sentence(token):
                tokens.append(token[:-1])
                found.append((start, tokens))
                tokens = []
            else:
                tokens.append(token)
        if tokens:
            found.append((start, tokens))
    return found


def join_name(tokens: list[str]) -> str:
    return " ".join(bare(t) if i == len(tokens) - 1 else t for i, t in enumerate(tokens))


def same_role(one: str | None, other: str | None) -> bool:
    """Roles of one person: "President" and "U.S. President"; not "President" and "First Lady"."""
    return not one or not other or one.split()[-1].lower() == other.split()[-1].lower()


def merged(people: dict[str, str | None], index: NameIndex) -> dict[str, str | None]:
    """One entry a person: "Biden" (from "President Biden") goes into "Joe Biden" when the text
    names him in full, keeping the role either gives."""
    merged: dict[str, str | None] = {}
    for name, role in people.items():
        if name in index.titled:
            merged[name] = merged.get(name) or role
            continue
        fuller = [
            n for n in people if (n.endswith(" " + name) or (" " not in name and n.startswith(name + " "))) and same_role(role, people[n])
        ]  # "Biden" (President) is not "Jill Biden" (First Lady)
        namesakes = [n for n in people if n.endswith(" " + name)]
        longest = max(fuller, key=len, default="")
        # "Obrador" into "Ana María López Obrador" when "López Obrador" is also there: one person
        full = longest if fuller and all(longest.endswith(n) for n in fuller) else index.complete(name) if not namesakes else name
        merged[full] = merged.get(full) or people.get(full) or role
    return merged


def without_address(words: list[str], honorifics: frozenset[str] = HONORIFICS) -> list[str]:
    """The words of a title before a name, less the form of address that ends them: "Chancellor
    Mr" -> ["Chancellor"], "On Thursday Mr" -> ["On", "Thursday"] (which holds no title: no role)."""
    while words and words[-1].rstrip(".") in honorifics:
        words = words[:-1]
    return words


def fullest(name: str, people: dict[str, str | None]) -> str:
    """'López Obrador' -> 'Andrés Manuel López Obrador' when the people hold one such name."""
    fuller = [n for n in people if n.endswith(" " + name)]
    return fuller[0] if len(fuller) == 1 or (fuller and " " not in name) else name
