"""Where a text names people, in order, so that a pronoun, a surname or a description resolves to
the person it points back to.

Stage: extraction (used by :mod:`.quotes`). The mentions are read once from the runs of
capitalised words :mod:`.names` already found; each look-up is a binary search, and the subject
of a sentence is found by reading back at most one sentence (300 characters).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from brief.ingest.namewords import NameIndex, name_groups
from brief.ingest.vocabulary import NOT_NAME, ORG_HEADS, PARTICLES, THING_HEADS, bare

_OBJECT_WORDS = "from|by|with|of|under|alongside|to|for|against"
_OBJECT_BEFORE = re.compile(rf"\b(?:{_OBJECT_WORDS}|and)[^\S\n]+$")
# A name as an object, perhaps after a short title: "next to Mr Blair", "with Gen Ruiz".
_OBJECT_LEAD = re.compile(rf"\b(?:{_OBJECT_WORDS}|beside)[^\S\n]+(?:[A-Z][a-z]{{0,3}}\.?[^\S\n]+)?$")
# A sentence whose subject is the pronoun itself, after an opening phrase: "So he is full of …".
_PRONOUN_OPENS = {
    pronoun: re.compile(rf"\s*(?:[A-Z]\w*(?:\s\w+){{0,3}},\s+|(?:So|And|But|Then|Yet|Now)\s+)?(?i:{pronoun})\s")
    for pronoun in ("he", "she")
}
# A verb after a name: the name acts ("Sam Ortiz runs the yard"); words that only end like a verb
# ("the Lib Dems as the opposition", "Ana Roe this week") do not.
_ACTS = re.compile(
    r"[^\S\n]+(?:(?!(?:as|us|its|this|his|thus|plus|yes|less|across|unless|perhaps|besides|towards|always|whereas)\b)"
    r"[a-z]+(?:s|ed)|is|was|has|had|will|would|can|could|said|told|spoke|went|came|made|took|gave)\b"
)
# Words that open a phrase before a name: "The Harbor Safety Review", "In its Annual Report".
_LEADING = frozenset(
    "the a an this that these those its their his her our in on at by from for and but with under as while after before when "
    "last latest new recent".split()
)
# A sentence that closes on who reported it: "…, Lib Dem elections chief Lord Roe said."
_SAID_AT_END = re.compile(r"[^\S\n]+(?:has\s+|had\s+)?(?:said|says|added|told\s+[\w ]{1,30}?|stated|explained)[.!?]")
SENTENCE_REACH = 300  # characters a mention's sentence is looked back for
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\s”\"’']+|\n")


class Mentions:
    """Where the text names people, in order: a pronoun or a surname resolves to the person named
    last before the quotation."""

    def __init__(self, text: str, people: dict[str, str | None], index: NameIndex) -> None:
        self.positions: list[int] = []
        self.names: list[str] = []
        self.people: list[bool] = []  # the mention is a person's ("Bayern" completed to a club's name is not)
        self.by_word: dict[str, list[tuple[int, str]]] = {}
        self.kinds: dict[str, list[tuple[int, str]]] = {}
        self.text = text
        self.quoted: list[tuple[int, int]] = []  # the quotations' (opening, closing) marks, in order
        self.owners: list[tuple[int, str]] = []  # people named only as owners ("Conti's job"), in order
        surnames = {n.split()[-1]: n for n in people}
        for start, tokens in index.runs:
            if start < 0:
                continue
            for i, j in name_groups(tokens):
                if j < len(tokens) and (bare(tokens[j]) in ORG_HEADS or bare(tokens[j]) in THING_HEADS):
                    continue  # "Nuclear Consultative Group", "Mercury Music Prize" name no person
                name = " ".join(bare(t) for t in tokens[i:j])
                at = start + len(" ".join(tokens[:i])) + (1 if i else 0)
                words = [w for w in name.split() if w not in PARTICLES]
                full = name
                if len(words) >= 2:
                    for word in {words[0], words[-1]}:
                        self.by_word.setdefault(word, []).append((at, name))
                else:
                    full = self.complete(name, at) if name in self.by_word else surnames.get(name, name)
                end = at + len(" ".join(tokens[i:j]))
                acts = len(words) >= 2 and j == len(tokens) and bool(_ACTS.match(text, end))  # "Sam Ortiz runs the yard"
                alone = len(words) >= 2 and index.alone[full.split()[-1]] > 0  # "Sam Ortiz … Ortiz said"
                known = acts or alone or full in people or full.split()[-1] in surnames or (len(words) < 2 and " " in full)
                if tokens[j - 1] != bare(tokens[j - 1]) and known and (full in people or full.split()[-1] in surnames):
                    self.owners.append((at, full))  # "Conti's 17th turn": what a "he" with nobody else named points to
                if tokens[j - 1] != bare(tokens[j - 1]) or not known:
                    continue  # "Yoon's order": a possessive names no speaker; nor a name nobody is known by
                self.positions.append(at)
                self.names.append(full)
                passing = full in index.weak and bool(_OBJECT_BEFORE.search(text, max(0, at - 12), at))
                self.people.append((acts or full in people or full.split()[-1] in surnames) and full not in index.listed and not passing)

    def complete(self, name: str, position: int) -> str:
        """'Roe' -> 'Jane Roe', the last name in full before `position` with that word first or last."""
        if " " in name:
            return name
        found = self.by_word.get(name, [])
        k = bisect_left(found, (position, "")) - 1
        return found[k][1] if k >= 0 else (found[0][1] if found else name)

    def named_before(self, text: str, noun: str, position: int) -> str | None:
        """The last name before `position` that ends in `noun` ("... Strategy Report" for "the
        report"), found in one pass over the text for each noun asked about."""
        if noun not in self.kinds:
            # "Harbor Safety Review", "Executive Order 210", "Certificate of Merit"
            pattern = (
                rf"(?:[A-Z][\w.’'-]{{0,40}}[^\S\n]+){{1,6}}(?i:{re.escape(noun)})\b(?:[^\S\n]+\d[\d,-]*\b)?"
                rf"|\b{re.escape(noun.capitalize())}[^\S\n]+(?:of|for|on)(?:[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'-]*){{1,4}}"
            )
            self.kinds[noun] = [(m.start(), m.group(0)) for m in re.finditer(pattern, text)] if len(self.kinds) < 20 else []
        found = self.kinds[noun]
        k = bisect_left(found, (position, "")) - 1
        for _, named in reversed(found[max(0, k - 3) : k + 1]):
            # "The review also notes": the phrase itself ("The review") names nothing; the name
            # before it does ("Harbor Safety Review").
            words = named.split()
            ends = [i for i, w in enumerate(words[:-1]) if re.fullmatch(r"[\w’'-]*[a-z]{2}\.", w) and w != "Mrs."]
            words = words[ends[-1] + 1 :] if ends else words  # "Monday. The report": a sentence ended
            while words and words[0] in NOT_NAME and words[0].lower() in _LEADING:
                words = words[1:]  # "The Harbor Safety Review", not "International" of "International … Report"
            if len(words) >= 2:
                return " ".join(words)
        return None

    def is_person(self, name: str) -> bool:
        return name in self.by_word or name.split()[-1] in self.by_word

    def position_of_last(self, position: int) -> int:
        k = self._last(position)
        return self.positions[k] if k >= 0 else -1

    def last_before(self, position: int, pronoun: str | None = None, depth: int = 0) -> str | None:
        """The person a pronoun at `position` points to: of the sentence that names someone last
        before it, the first person it names (its subject: "Lena Holt beat Mia Ford … she said"
        is Lena Holt), or the one its closing attribution names ("…, Ana Roe said."). Names inside
        quotations are words said, not antecedents. When that sentence's subject is the same
        `pronoun` ("He pointed out that Tom Lee …"), the pronoun points where that one does."""
        k = self._last(position)
        # "Keane … which included goals against Forest, … the Irishman said": a club or a body
        # named since is no antecedent of "he" when a person was named shortly before it.
        person = next((m for m in range(k, max(-1, k - 8), -1) if self.people[m] and not self._quoted(self.positions[m])), -1)
        k = person if person >= 0 else k
        if k < 0:
            return None
        opens = self._sentence_start(self.positions[k])
        first = bisect_left(self.positions, opens)
        if pronoun in _PRONOUN_OPENS and depth < 3:
            if _PRONOUN_OPENS[pronoun].match(self.text, opens, opens + 60):
                return self.last_before(opens, pronoun, depth + 1)
            if opens == self._sentence_start(position) and self._only_objects(first, k):
                earlier = self.last_before(opens, pronoun, depth + 1)  # "standing next to Mr Blair he added": not Mr Blair
                if earlier:
                    return earlier
        if _SAID_AT_END.match(self.text, self.positions[k] + len(self.names[k])):
            return self.names[k]  # "Others include X and Y, the party's chief Ana Roe said."
        subject = next((m for m in range(first, k) if self.people[m] and not self._quoted(self.positions[m])), k)
        return self.names[subject]

    def owner_before(self, position: int, reach: int = 600) -> str | None:
        """The person last named as an owner ("Ana Roe's job") within `reach` characters before
        `position`, when no one is named there otherwise: what "he" or "she" then points to."""
        last = self.position_of_last(position)
        if last >= 0 and last >= position - reach:
            return None
        k = bisect_left(self.owners, (position, "")) - 1
        return self.owners[k][1] if k >= 0 and self.owners[k][0] >= position - reach else None

    def _only_objects(self, first: int, last: int) -> bool:
        """Every person named from mention `first` to `last` is named as an object ("next to Mr Blair")."""
        return all(
            _OBJECT_LEAD.search(self.text, max(0, self.positions[m] - 20), self.positions[m])
            for m in range(first, last + 1)
            if self.people[m] and not self._quoted(self.positions[m])
        )

    def sentence_of_last(self, position: int) -> int:
        """Where the sentence that names someone last before `position` starts (-1: nobody named)."""
        at = self.position_of_last(position)
        return self._sentence_start(at) if at >= 0 else -1

    def _sentence_start(self, at: int) -> int:
        """Where the sentence that holds `at` starts, looking back at most SENTENCE_REACH characters."""
        window = max(0, at - SENTENCE_REACH)
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, window, at)]
        return ends[-1] if ends else window

    def _last(self, position: int) -> int:
        k = last = bisect_left(self.positions, position) - 1
        while k >= 0 and self._quoted(self.positions[k]):
            k -= 1
        return k if k >= 0 else last  # a text that names people only in quotations: the last of them

    def first_person_in(self, start: int, end: int) -> tuple[str, int] | None:
        """The first person named in text[start:end] outside quotations, and where."""
        for m in range(bisect_left(self.positions, start), bisect_left(self.positions, end)):
            if self.people[m] and not self._quoted(self.positions[m]):
                return self.names[m], self.positions[m]
        return None

    def in_quotation(self, position: int) -> bool:
        """Whether `position` lies inside one of the text's quotations."""
        return self._quoted(position)

    def _quoted(self, position: int) -> bool:
        k = bisect_right(self.quoted, (position, len(self.text) + 1)) - 1
        return k >= 0 and self.quoted[k][0] < position < self.quoted[k][1]
