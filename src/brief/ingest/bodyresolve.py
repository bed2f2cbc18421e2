"""Which body an "it" (or a "they" with no person named near) stands for: the company or office
that spoke last, the subject of the sentence before, people described in the plural, a party
named in the plural, or a body described ("the commission") by the name the text gave it.

Stage: extraction (used by :mod:`.speakerresolve`). Every pattern reads at most the 600
characters before the pronoun.
"""

from __future__ import annotations

import re

from brief.ingest.mentions import Mentions
from brief.ingest.namewords import HONORIFICS, fullest
from brief.ingest.vocabulary import NOT_BODY_START, NOT_NAME, ORG_HEADS, last_sentence

# What a body or a described speaker is said to say ("the IAAF said", "the spokesman added").
SAID = r"(?:said|says|added|stated|announced|warned|told|insisted|claimed|urged|explained|stressed|argued|confirmed|replied)"
_HONORIFICS = HONORIFICS | {"Lord", "Lady"}  # a form of address names a person
# A body's name within one line: "Seagate", "Bank of England", "Marks and Spencer".
_BODY_RUN = r"[A-Z][\w&.'’-]*(?:[^\S\n]+(?:of[^\S\n]+|for[^\S\n]+|and[^\S\n]+)?[A-Z][\w&.'’-]*){0,5}"
_BODY_SAID = re.compile(rf"\b(?P<who>{_BODY_RUN})\s+(?:has\s+|had\s+|also\s+)?{SAID}\b")
# A body described, not named, as the subject of a speech verb: "The commission says", "The
# prime minister's office said".
_DESCRIBED_BODY_SAID = re.compile(
    rf"\b[Tt]he\s+(?P<owner>[a-z]+(?:\s+[a-z]+)?[’']s\s+)?(?P<noun>[a-z]+)\s+(?:has\s+|had\s+|also\s+)?{SAID}\b"
)
_SAID_BODY = re.compile(
    rf"\b{SAID}[^\S\n]+(?P<who>{_BODY_RUN})"
    r"(?<![’']s)(?=\s*[.,;]|\s*$)"  # the clause ends there: not "said Foster's offer was …"
)
# A statement its owner issued, which a later "it" stands for: "Mr Crosby's statement said: “…” It
# added: “…”" (the owner speaks, not the last body named).
_OWNED_SAID = re.compile(
    r"(?<![\w’'])(?P<who>(?:[A-Z][\w.’'-]*[^\S\n]+){0,3}[A-Z][\w’'-]*?)[’']s?[^\S\n]+"
    rf"(?:(?:joint|written|brief|short|later|new|latest)[^\S\n]+)?(?:statement|letter|message|release)[^\S\n]+(?:also[^\S\n]+)?{SAID}\b"
)
# People described in the plural as a sentence's subject, whom a later "they" stands for:
# "Families of crash victims are urging", "The angel families said".
_PLURAL_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?:])\s+|\n|(?<=,)\s+)(?!(?:[Ww]hich|[Tt]hat|[Ww]ho|[Ww]hom|[Ww]hose)\b)(?P<who>(?:[Tt]he\s+)?[‘“]?(?:[\w’'-]+\s+){0,2}"
    r"(?!(?:[Tt]hese|[Tt]hose|[Tt]his|[Ii]ts|[Hh]is|[Ss]ays|[Dd]oes|[Hh]as|[Ww]as)\b)[A-Za-z’'-]{3,}s[’”]?"
    r"(?:\s+(?:of|from|for)\s+[^.,;:“”\"‘’\n]{1,40}?)?)\s+(?:are|were|have|had|say|said|wrote|told|urged|called|warned|asked|deny|denied|insist\w*|argue\w*|claim\w*|fear\w*)\b"
)


_NO_QUOTE_MARKS = str.maketrans("", "", "‘’“”")  # "the ‘angel families’ said": the people, not the marks


def group_before(text: str, position: int, after: int = -1) -> str | None:
    """People described in the plural as the subject of a sentence in the 600 characters before
    `position` (and after `after`, where someone was last named): whom a "they" stands for."""
    found = [m for m in _PLURAL_SUBJECT.finditer(text, max(0, position - 600, after + 1), position)]
    if not found:
        return None
    who = found[-1].group("who").translate(_NO_QUOTE_MARKS)
    return who[:1].upper() + who[1:]


# A name in the plural, not opening a sentence: "the Liberal Democrats", "the Tories", "Republicans"
# (not "Business" or "Congress").
_PLURAL_NAME = re.compile(r"(?<![.!?:]\s)(?<![.!?:]\n)(?<=\s)(?P<who>(?:[A-Z][\w’'-]+[^\S\n]+){0,2}[A-Z][\w’'-]*[a-rt-z]s)\b(?![’'])")
_PLACES_IN_PLURAL = frozenset("States Nations Islands Emirates Philippines Netherlands Bahamas Maldives Seychelles Americas Alps".split())
_BODY_ACTS = re.compile(r"(?<![\w’'])(?P<who>[A-Z][\w&.'’-]+(?:[^\S\n]+[A-Z][\w&.'’-]+){0,3})\s+(?:were|was|is|are|has|have|had)\b")
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:The\s+)?(?P<who>(?:[A-Z][\w&.'’-]{0,40}[^\S\n]+){0,5}[A-Z][\w&.'’-]{0,40})\s+"
    r"(?:has|have|had|is|was|were|are|said|says|will|would|could|may|[a-z]+ed|[a-z]+s)\b"
)


def _body_name(words: str) -> bool:
    """Words that can name a company or an office: not "The" or "But", and a common capitalised
    word ("Northern", "Labour") only with more words after it ("Northern Bank"); never a form of
    address ("Mr Howard")."""
    first = words.split()[0]
    if re.fullmatch(r"(?:I|We|You|He|She|They|It)(?:[’'](?:ve|m|ll|d|re|s))?", first):
        return False  # "I’ve had seven …": a pronoun, contracted, is no body
    # "Mr Howard appointed …": a form of address names a person, never what "it" stands for
    return first not in NOT_BODY_START and first.rstrip(".") not in _HONORIFICS and (first not in NOT_NAME or " " in words)


def body_spoken_of(text: str, lower: str, position: int, people: dict[str, str | None], mentions: Mentions) -> str | None:
    """The body an "it" (`lower` == "it") or a "they" with no person named near stands for, as
    the text names it; None when none can be told."""
    body_they = lower == "they"
    # The last body that said something before ("In a statement the RSPCA said it had …"),
    # else the subject of the sentence before.
    recent = max(0, position - 600)
    # "…," said Seagate. "…," it said': the body after the verb counts as the one before it
    said = sorted([*_BODY_SAID.finditer(text, recent, position), *_SAID_BODY.finditer(text, recent, position)], key=lambda m: m.start())
    saying = [last_sentence(m.group("who")).rstrip(".") for m in said]
    saying = [w for w in saying if _body_name(w) and not (w in people or mentions.is_person(w))]
    owned = [m for m in _OWNED_SAID.finditer(text, recent, position)]
    if lower == "it" and owned and (not said or owned[-1].start() >= said[-1].start()):
        owner = last_sentence(owned[-1].group("who")).split()
        owner = owner[1:] if len(owner) > 1 and (owner[0].rstrip(".") in _HONORIFICS or owner[0] == "The") else owner
        name = " ".join(owner)  # "Mr Crosby's statement … It added": Crosby, as the text names him in full
        return fullest(mentions.complete(name, position), people) if " " not in name else name
    subjects = saying or [m.group("who") for m in _SUBJECT_BEFORE.finditer(text, recent, position)]
    if body_they:  # "… if Facebook were not connecting the dots, given the goals they claim": the body in its sentence
        lead = re.split(r"[.!?]\s+", text[max(0, position - 300) : position])[-1]
        subjects += [m.group("who") for m in _BODY_ACTS.finditer(lead)]
    # the last that can name a body ("Multiplex will have to win claims. These claims could take years.")
    bodies = [w for w in (subjects if lower == "it" else subjects[-1:]) if _body_name(w) and not (w in people or mentions.is_person(w))]
    if bodies:
        return bodies[-1]
    if body_they:
        # People described in the plural as a sentence's subject, or a party named in the plural
        # ("… opposed by the Liberal Democrats. They have said it is “flawed”"): whichever came last
        groups = [(m.start(), m.group("who")) for m in _PLURAL_SUBJECT.finditer(text, max(0, position - 600), position)]
        plural = [(m.start(), m.group("who")) for m in _PLURAL_NAME.finditer(text, max(0, position - 300), position)]
        named = [(at, w) for at, w in plural if w.split()[-1] not in _PLACES_IN_PLURAL]
        if groups and (not named or groups[-1][0] > named[-1][0]):
            return group_before(text, position)
        if named:
            return named[-1][1]
    described_bodies = [m for m in _DESCRIBED_BODY_SAID.finditer(text, recent, position) if m.group("noun").capitalize() in ORG_HEADS]
    if lower == "it" and described_bodies:
        # "The commission says … “…,” says its report": the body described, by its name if the text gave one
        noun, whose = described_bodies[-1].group("noun"), described_bodies[-1].group("owner")
        if whose:  # "The prime minister's office said … It added": as described
            return f"The {whose}{noun}"
        return mentions.named_before(text, noun, position) or f"The {noun}"
    return None
