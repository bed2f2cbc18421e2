"""Who a quotation's speaker is, when the words around it give a pronoun, a description, a title
or a surname: "he" and "the minister" resolve to the person the text last named (or the one whose
role the description repeats), "it" to the body that spoke last, "the spokesman" to itself when no
person has been named since, a surname to the full name.

Stage: extraction (used by :mod:`.quotes`). Every pattern reads a bounded window (at most 900
characters) before the quotation.
"""

from __future__ import annotations

import re

from brief.ingest.bodyresolve import SAID as _SAID
from brief.ingest.bodyresolve import body_spoken_of, group_before
from brief.ingest.mentions import Mentions
from brief.ingest.namewords import fullest, name_groups, without_address
from brief.ingest.speechwords import AIDE, ITS_DOCUMENT
from brief.ingest.vocabulary import (
    KIN_BY_PRONOUN,
    NOT_NAME,
    ROLE_NOUNS,
    SAID_WHEN,
    TITLES,
    bare,
    ends_sentence,
)  # fmt: skip

PRONOUNS = ("he", "she", "they", "it")

_LINKS = frozenset("of for to the and on at".split())
_HONORIFICS = frozenset("Mr Mrs Ms Mx Miss Sir Dame Dr Lord Lady".split())
# A description of a person: "the Tory leader", "the former chief executive", "the 34-year-old", "the Frenchman".
_DESCRIPTION = re.compile(
    r"(?:the|his|her)\s+(?P<words>(?:[\w’'-]+\s+){0,3}?(?:(?P<person>\d+-year-old|[a-z]+(?:man|woman)|american|briton|scot|"
    r"spaniard|swede|dane|swiss|argentine|brazilian|australian|canadian|frenchman|german|italian|mexican|russian)|[a-z-]+))"
)
# Someone who speaks for another, described by whom: "the rapper's spokesman".
_ITS_DOCUMENT = re.compile(ITS_DOCUMENT)
_OWNERS_AIDE = re.compile(rf"the\s+[\w-]+[’']s\s+(?:[a-z-]+\s+)?{AIDE}")
_PEER = re.compile(r"\b(?:Lord|Lady|Baroness|Baron|Viscount)\s+[A-Z][\w'’-]+\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=\.?$)")


_RANKS = frozenset("vice deputy assistant associate under lieutenant acting".split())


def _titled(surname: str, title: str, people: dict[str, str | None]) -> str | None:
    """'President Roe' -> 'Jane Roe' when people share the surname and she alone holds the title
    ("President Jane Roe and First Lady Tom Roe … President Roe said"): the last one named is
    not who is meant."""
    if " " in surname:
        return None
    words = title.lower().replace(".", "").split()
    shared = [n for n in people if n.endswith(" " + surname)]
    held = [
        n
        for n in shared
        if (r := (people[n] or "").lower().replace(".", "").split()) and r[-1:] == words[-1:] and not (_RANKS & set(r)) - set(words)
    ]
    # Two forms of one name ("Jane Roe", "Jane A. Roe") are one person: the first given.
    return held[0] if held and len(held) < len(shared) and {h.split()[0] for h in held} == {held[0].split()[0]} else None


def holder(words: list[str], people: dict[str, str | None], mentions: Mentions, position: int) -> str | None:
    """The person whose role holds every word of a description ("the Tory leader" -> the person
    the text called "Tory leader"), the one named last before `position` when several do."""
    words = [w for w in words if w not in ("former", "then")]
    # a rank the description lacks is another office: "the president" is not the Vice President
    ranks = _RANKS - set(words)
    holders = {
        n
        for n, r in people.items()
        if r and r.lower().split()[-1:] == words[-1:] and set(words) <= set(r.lower().split()) and not ranks & set(r.lower().split())
    }
    if not holders:
        return None
    k = mentions.position_of_last(position)
    named = [n for p, n in zip(mentions.positions, mentions.names, strict=True) if p <= k and fullest(n, people) in holders]
    return fullest(named[-1], people) if named else (next(iter(holders)) if len(holders) == 1 else None)


_DESCRIBED_SPEAKER = re.compile(
    # or a person's: "Tony Roe's official spokesman declined to say whether …"
    rf"\b(?P<article>[Tt]he|An?|(?<=[.!?]\s)an?|(?:[A-Z][\w’'-]+\s+){{0,2}}[A-Z][\w’'-]+[’']s)\s+(?P<words>(?:[\w’'-]+\s+){{0,4}}?(?P<noun>[a-z]+))"
    # the body it speaks for may hold small words and its acronym, and a clause may follow it:
    # "A spokesman for the Association of Payment and Clearing Services (Apacs) which represents X said"
    rf"(?P<body>\s+(?:for|at|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\w’'-]*){{0,6}}(?:\s+\([^()]{{1,20}}\))?)?"
    rf"(?:,?\s+(?:which|who|that)\s+[^.“”\"]{{1,80}}?)?(?:\s+{SAID_WHEN})?\s+(?:also\s+)?(?:{_SAID}|declined\s+to\s+(?:say|comment))\b"
)


def _after_name(text: str, at: int, people: dict[str, str | None]) -> bool:
    """A person's name and a comma stand just before `at`: what follows is their apposition."""
    before = re.search(r"([\w’'-]+),\s*$", text[max(0, at - 40) : at])
    return before is not None and any(name.split()[-1] == before.group(1) for name in people)


def _described_since(text: str, mentions: Mentions, people: dict[str, str | None], position: int) -> str | None:
    """A speaker described, not named ("the prime minister's spokesman said"), between the last
    person named and `position`: what a "he" or "she" after it points to. The fullest description
    with the same noun is kept ("the spokesman" after "the prime minister's official spokesman")."""
    # From the sentence that names someone last: a description that is its subject, before anyone
    # named in it, is said to speak ("The United boss said it was worse than X's foul on Y. “…,” he said").
    last = mentions.position_of_last(position)
    opens = mentions.sentence_of_last(position)
    start = max(opens, position - 600, 0)
    described = [
        m
        for m in _DESCRIBED_SPEAKER.finditer(text, start, position)
        if m.group("noun") in ROLE_NOUNS
        and (m.start() > last or mentions.first_person_in(opens, m.start()) is None)
        # not an apposition: "John Roe, Acme's chief financial officer said" is John Roe speaking
        and not _after_name(text, m.start(), people)
    ]
    if not described:
        return None
    said = described[-1]
    if re.search(r"\d+-year-old", said.group("words")):
        return None  # "the 58-year-old US singer of X said": the person named before, by age
    if held := holder(said.group("words").split(), people, mentions, position):
        return held  # "the home secretary said": the person the text gave that role, not whoever was named last
    noun = said.group("noun")
    window = text[max(0, position - 900) : said.start()]
    fuller = [m.group("words") for m in _DESCRIBED_SPEAKER.finditer(window) if m.group("noun") == noun]
    words = max([said.group("words"), *fuller], key=len)
    # "A spokesman for the Film Council said": as described, with the body it speaks for
    article = said.group("article")
    return f"{article[:1].upper()}{article[1:]} {words}{said.group('body') or ''}"


# The speaker's own kin as a clause's subject, by the pronoun that points to them: "My dad used to
# say … He’d say", "You know, if my mom were here".
_KIN_MENTION = {
    pronoun: re.compile(
        # or spoken to: "I remember asking my mom one day, “…” She said"
        rf"(?:^|[.!?]\s+|\n|,\s+|—\s*|\b(?:asked|asking|told|telling|called|calling|with)\s+)(?:(?:[Ii]f|[Aa]nd|[Bb]ut|[Ww]hen|[Bb]ecause)\s+)?"
        rf"(?P<kin>(?:[Mm]y|[Oo]ur)\s+(?:(?:late|little|older|younger|oldest|youngest|eldest|baby)\s+)?(?:{'|'.join(sorted(nouns))}))\b"
        # or as an owner anywhere: "out of my grandfather’s house, he’d yell"
        # ("my Irish Catholic grandfather’s home", "my Grandpop Finnegan’s house")
        rf"|\b(?P<owner>(?:[Mm]y|[Oo]ur)\s+(?:[A-Za-z-]+\s+){{0,2}}?(?i:{'|'.join(sorted(nouns))})(?:\s+[A-Z][a-z]+)?)[’']s\b"
    )
    for pronoun, nouns in KIN_BY_PRONOUN.items()
}


def _kin_since(text: str, mentions: Mentions, position: int, pronoun: str) -> str | None:
    """A relative the speaker told of ("my dad") after the last person named and shortly before a
    "he" or "she" of the same sex, outside quotations: whom the pronoun points to, as described."""
    return _told_of(text, mentions, position, _KIN_MENTION[pronoun], ("kin", "owner"))


def _told_of(text: str, mentions: Mentions, position: int, pattern: re.Pattern[str], groups: tuple[str, ...]) -> str | None:
    """The last description `pattern` finds after the last person named and within 300 characters
    before `position`, outside quotations (the first of `groups` that matched), capitalised."""
    start = max(mentions.position_of_last(position), position - 300, 0)
    found = [m for m in pattern.finditer(text, start, position) if not mentions.in_quotation(m.start())]
    who = next((found[-1].group(g) for g in groups if found[-1].group(g)), "") if found else ""
    return who[:1].upper() + who[1:] if who else None


_LOWER_RANKS = frozenset("Vice Lieutenant Deputy Assistant Under Associate Acting Former".split())


def _holder_of(office: str, people: dict[str, str | None]) -> str | None:
    """The one person the text gives `office` ("President", "Vice President"), none when it gives
    it to several or to nobody; a "Vice President" does not hold "President"."""
    exact = {name for name, role in people.items() if role == office}
    # "Secretary of the Treasury" holds "Secretary"; a "Vice" or "Lieutenant" rank is another office
    holders = exact or {
        name
        for name, role in people.items()
        if role and role.endswith(" " + office) and role[: -len(office)].split()[-1] not in _LOWER_RANKS
    }
    return holders.pop() if len(holders) == 1 else None


# Someone met and described, not named, as a speech tells it: the one the speaker met ("I sat with
# a trauma doctor"), or a sentence's subject ("A mom in California wrote"). Nouns of either sex,
# and those of one.
_ANYONE = (
    "doctor nurse teacher officer soldier veteran farmer worker student firefighter pilot driver nun priest electrician plumber "
    "mechanic welder miner coach pastor owner fisherman kid"
).split()
_MET = {
    pronoun: re.compile(
        r"(?:\b(?:I|[Ww]e)\s+(?:[a-z]+\s+){0,2}?(?:met|sat\s+(?:down\s+)?with|talked\s+(?:to|with)|spoke\s+(?:to|with)|asked|"
        r"saw|visited|called|heard\s+from|got\s+a\s+(?:letter|call|note)\s+from)\s+|(?:^|[.!?]\s+|\n))"
        # "an IBEW electrician", "a young woman": someone met, never named
        rf"(?P<who>(?:[Aa]n?|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(set(_ANYONE) | nouns))}))\b"
        # "and the guy is fishing and he said": anywhere in the sentence
        # (not "the guy who's likely to be their nominee", someone the listener knows by name)
        + (r"|(?<![\w’'])(?P<the>[Tt]he\s+(?:guy|fella|kid))\b(?!\s+(?:who|that|whose)\b)" if pronoun == "he" else "")
    )
    for pronoun, nouns in {
        "he": set("man guy fella boy gentleman father dad son grandson husband brother".split()),
        "she": set("woman lady girl mother mom daughter granddaughter wife sister".split()),
    }.items()
}


def _met_since(text: str, mentions: Mentions, position: int, pronoun: str) -> str | None:
    """A person described with "a" ("a trauma doctor", "a young woman") after the last person
    named and within 300 characters before a "he" or "she", outside quotations."""
    return _told_of(text, mentions, position, _MET[pronoun], ("who", "the") if pronoun == "he" else ("who",))


# Words that open a body's name, not a sentence ("United Auto Workers", "National Farmers
# Union"): kept in front of the name after them.
_BODY_OPENERS = frozenset("United National American International Federal European Global World".split())


def resolve(
    text: str, speaker: tuple[str, str | None], position: int, people: dict[str, str | None], mentions: Mentions
) -> tuple[str | None, str | None]:
    """The speaker's name as the text gives it in full, and a role: titles move to the role,
    pronouns and surnames resolve to the person last named."""
    who, role = speaker
    who = who.strip(" *_,").split("—")[-1].strip()  # "the Treaty Organization—President Truman said"
    if not who:
        return None, None
    lower = who.lower()
    if _ITS_DOCUMENT.fullmatch(who):
        who = lower = "it"  # '…," says its report': the body that issued it, as "it said"
    nominal = re.fullmatch(r"(?:the|his|her)\s+([a-z]+)", lower)
    # "they" with no person named in the 600 characters before: a company or an office, as "it"
    body_they = lower == "they" and mentions.position_of_last(position) < max(0, position - 600)
    if lower == "it" or body_they:  # "…," it said: the company or office that is the subject of the sentence before
        body = body_spoken_of(text, lower, position, people, mentions)
        if body or lower == "it":
            return body, role
    if lower == "they" and (group := group_before(text, position, mentions.position_of_last(position))):
        return group, role  # "Angel families … In their letter, the families said …. “…,” they said": not one of them
    if _OWNERS_AIDE.fullmatch(lower):
        return who[:1].upper() + who[1:], role  # "the rapper's spokesman": the aide speaks, not the rapper
    described = _DESCRIPTION.fullmatch(lower)
    held_by = holder(described.group("words").split(), people, mentions, position) if described else None
    if held_by:  # "the Tory leader said": the person the text gave that role
        return held_by, people.get(held_by) or role
    if lower in ("he", "she"):
        kin = _kin_since(text, mentions, position, lower)
        if kin:  # "My dad used to have an expression. He’d say, “…”"
            return kin, role
        since = _described_since(text, mentions, people, position)
        if since:  # "…, the spokesman said. “…,” he added": the spokesman, not the person named before
            return since, role
        stranger = _met_since(text, mentions, position, lower)
        if stranger:  # "I sat with a trauma doctor … He said, “…”": the one met, not the person named before
            return stranger, role
    # "the Frenchman", "the 34-year-old": the person named before; not "the WSIS spokesman", a role,
    # which is the person the text gave that role ("Chairman Ana Roe … the Harbor chairman added")
    role_word = described.group("person") if described and described.group("person") in ROLE_NOUNS else None
    if role_word and (held := holder([role_word], people, mentions, position)):
        return held, people.get(held) or role
    person_described = described and described.group("person") and not role_word
    if lower in PRONOUNS or (nominal and nominal.group(1) in ROLE_NOUNS) or person_described:
        named = mentions.last_before(position, lower if lower in ("he", "she") else None)  # "the minister said", "he said"
        if named is None and lower in ("he", "she"):
            named = mentions.owner_before(position)  # "This year marks Conti's 17th turn. “…,” he says"
        office = (people.get(fullest(named, people)) or "").lower().split() if named and nominal else []
        if nominal and _RANKS & set(office) - set(lower.split()):
            named = None  # "Vice President Ana Ruiz … the President said": another office's holder
        if named is None and nominal and lower not in PRONOUNS:
            held = who.split(None, 1)[1]  # "the President": whom the text gives that office, if one person
            if held[:1].isupper() and (title_holder := _holder_of(held, people)):
                return title_holder, held
            return who[:1].upper() + who[1:], role  # "The spokesman said:" and nobody named before: as described
        if named is None:
            return None, None
        named = fullest(named, people)
        return named, people.get(named) or role
    if nominal and nominal.group(1) not in ROLE_NOUNS:
        named = mentions.named_before(text, nominal.group(1), position)  # "the report said": the report last named
        if named:
            return named, role
    if lower.startswith(("the ", "a ", "an ")) or not who[:1].isupper():
        who = who.rstrip(".")
        tokens = who.split()
        groups = name_groups(tokens)
        # "the English poet John Milton", and "analyst Jason Kenney at ING": the name, the rest its role
        at = next((k for k, t in enumerate(tokens) if t in ("at", "of", "from") and k), len(tokens))
        spans = [(i, j) for i, j in groups if j in (at, len(tokens)) and j - i >= 2]
        if spans:
            i, j = spans[-1]
            return " ".join(bare(t) for t in tokens[i:j]).rstrip("."), role or " ".join(tokens[:i] + tokens[j:])
        # "the harbor authority", "my mother": a description, capitalised as a speaker
        description = re.sub(r"^(?:an?|the|his|her|their|my|our)\s", lambda m: m.group(0).capitalize(), who)
        return description[:1].upper() + description[1:], role  # "police said": "Police"
    if all(t in TITLES for t in who.split()) and (title_holder := _holder_of(who, people)):
        return title_holder, who  # "Statement from the Vice President:" and "Vice President Ana Ruiz" in the text
    peer = _PEER.search(who)
    if peer:  # "Lord Nicholls of Birkenhead": a peer is known by title, name and seat together
        return peer.group(0), role
    tokens = who.split()
    pair = name_groups(tokens)
    if len(pair) == 2 and pair[0] == (0, pair[1][0] - 1) and tokens[pair[0][1]] == "and" and pair[1][1] == len(tokens):
        return who.rstrip("."), role  # "Tom Vance and Ana Ruiz": two people who speak together, as a label names them
    ends = [k for k, t in enumerate(tokens[:-1]) if ends_sentence(t)]
    tokens = tokens[ends[-1] + 1 :] if ends else tokens  # "Lena Ortiz. Rear Admiral Tomas Brandt": another sentence
    groups = name_groups(tokens)
    i, j = groups[-1] if groups else (0, 0)
    lead = tokens[:i]
    affiliated = bool(lead) and (bare(lead[-1]) != lead[-1] or lead[-1].lower() in ROLE_NOUNS) and j - i >= 2
    # "Secretary of State Antony Blinken", "Yesterday Tom Baker": the name is the last group; a
    # document ("Port Authority's 2024 Annual Review") is kept whole.
    if (
        j
        and (j == len(tokens) or (tokens[j] in TITLES and j - i >= 2))  # not "Harbor Board": a body's name
        and (
            any(t in TITLES for t in lead)
            or all((t in NOT_NAME and t not in _BODY_OPENERS) or t in _LINKS for t in lead)
            or "and" in lead
            or affiliated
        )
    ):
        title = " ".join(tokens[:i]).strip() or None
        name = " ".join(bare(t) for t in tokens[i:j])
        if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
            name = name[:-1]  # "said Ivo Marsh." ends a sentence
        if affiliated:  # "Harbor Bank's Eddie Lam", "Delta Group economist Lars Berg"
            return fullest(mentions.complete(name, position), people), role or bare(title or "")
        # "Sir Paul", "Mr Roe", "On Thursday Mr Blair": a form of address, no role; "Chancellor Mr Brown": no part of one
        office = without_address(lead, _HONORIFICS)
        title = " ".join(office) if any(t in TITLES for t in office) else None
        name = (title and _titled(name, title, people)) or fullest(mentions.complete(name, position), people)
        return name, role or people.get(name) or title
    return " ".join(tokens).rstrip("."), role
