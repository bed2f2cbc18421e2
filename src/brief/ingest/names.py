"""People a source names as actors, with the role the text gives each.

Stage: extraction (after cleaning). The text is read once as runs of capitalised words (with the
small words of titles between them: "Secretary of State Antony Blinken"); in each run a name is a
group of words none of which belongs to titles, portfolios, places, organisations or headlines
(:mod:`.vocabulary`). A group is a person when the text says so: a title before it, a role noun
before it ("Seoul resident Margie Kim"), an appositive after it ("Jane Roe, director of X"), a
verb of a person after it ("pleaded", "was extradited"), a pronoun the sentence goes on to use, a
suffix ("Jr."), an alias, its surname (of one word or two: "López Obrador") used alone elsewhere, a
place in a list beside a person, or a transcript's speaker label. A name listed beside a person
(:func:`.addressed.beside`) is a person too, but not one a later "he" points back to. Credit lines, bulleted lists of
names and nicknamed names come from :mod:`.namelists`.
Every pattern is bounded and tried once per run, so the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from brief.ingest.addressed import addressed, beside, described, greeted
from brief.ingest.givennames import given_name_person, kin_named, shared_surname
from brief.ingest.namelists import credited, listed, nicknamed, nominated
from brief.ingest.namewords import NameIndex, join_name, merged, name_groups, runs, without_address
from brief.ingest.speakerlabels import speaker_labels
from brief.ingest.vocabulary import (
    HEADLINE_VERBS,
    NOT_NAME,
    ORG_HEADS,
    PARTICLES,
    ROLE_NOUNS,
    THING_HEADS,
    TITLES,
    bare,
    is_person_name,
    role_noun,
)

MAX_PEOPLE = 500  # people a source names; each quotation's speaker is looked up among them

_CONNECTORS = frozenset("of for to the and on at".split())
_MODIFIERS = frozenset(
    "Former Then Senior Acting Deputy Chief Executive Board Member Interim Special Permanent Under Associate Assistant Principal "
    "Managing First Second Ranking Majority Minority Crown Vice Co-Founder Founder Fellow Head Nominee Trustee".split()
)
_LEADING = frozenset("When And But As If While After Before Since Then Today Yesterday The A An So Now".split())
_ROLE_STOPS = frozenset(
    "the a an his her its their and but or so yet said says by with who which that as when while plays played for of in on at to "
    "have has had is was were are be been signed named hired appointed told met called monday tuesday wednesday thursday friday "
    "saturday sunday yesterday today what our my your whose".split()
)
_ROLE_START = frozenset("a an the former then his her their its one chief senior deputy acting executive co-founder founder".split())
_PERSON_VERBS = re.compile(
    r"^,?[^\S\n]+(?:\w+ly[^\S\n]+)?(?:said|says|told|tells|added|adds|explained|argued|warned|wrote|writes|asked|recalled|replied|"
    r"tweeted|noted|insisted|acknowledged|admitted|was born|died|plays|played|stars|starred|directed|founded|resigned|"
    r"signed|issued|led|spoke|met|became|served|joined|won|scored|helped|urged|visited|testified|married|welcomed|praised|"
    r"criticised|criticized|thanked|hosted|attended|denied|confirmed|invented|designed|painted|drew|studied|taught|lived|"
    r"established|ordered|appointed|nominated|proclaimed|approved|vetoed|pardoned|ruled|governed|"
    r"who|whose|has said|had said|pleaded|pled|confessed|allegedly|reportedly|reasoned|believes|believed|thinks|thought|"
    r"wants|wanted|hopes|hoped|feels|felt|vowed|promised|complained|conceded|echoed|"
    r"(?:was|were|has been|had been|is|is being|will be|would be)[^\S\n]+(?:\w+ly[^\S\n]+)?(?:arrested|extradited|sentenced|convicted|charged|"
    r"indicted|surrendered|detained|killed|murdered|shot|elected|re-elected|sworn|born|jailed|imprisoned|kidnapped|injured|"
    r"wounded|acquitted|deported|captured|fired|hired|nominated|appointed|named|knighted|honoured|honored))\b"
)
# A name the sentence goes on to call "he" or "she" ("Ana Ruiz has rebuffed them, although she …"),
# or a person's alias ("Ciro Luna (a.k.a. “Flaco”)", "…, known as El Gato").
_PRONOUN_LATER = re.compile(
    r"^(?:[^\S\n]+(?:\w+ly[^\S\n]+)?(?:has|had|was|is|[a-z]+ed)\b[^.!?\n“”\"]{3,120}?\b|[^\S\n]+(?:and|for|with)[^\S\n]+)"
    r"(?:he|his|him|himself|she|her|herself)\b"
)
# The name's clause, short, then a sentence whose subject is "he" or "she".
_HE_NEXT = re.compile(r"[^\S\n]+(?:is|was|has|had|will|would)\b[^.!?\n“”\"]{0,60}[.!?][^\S\n]+(?:He|She)\b")
# A name that ends its sentence, and the next sentence has "he" or "she" say something: "Let us
# remember the words of Coretta Scott King. She said, “…”".
_SAYS_NEXT = re.compile(
    r"[.!?][^\S\n]+(?:He|She)[^\S\n]+(?:once[^\S\n]+|later[^\S\n]+|also[^\S\n]+)?(?:said|says|wrote|writes|declared|told)\b"
)
_ALIAS = re.compile(r"^,?[^\S\n]+\(?(?:a\.k\.a\.|aka\b|alias\b|also known as\b|known as\b)")
_APPOSITIVE = re.compile(
    r"^,[^\S\n]+(?P<role>(?:(?:an?|the|former|then-)[^\S\n]+)?(?:[a-z][\w-]*|[A-Z][\w.’'-]*)(?:[^,.;:“”\"\n]|(?<=[A-Z])\.|(?<=\w)\.(?=\w)){0,110}?)"
    r"(?=[,;:\n]|\.(?!\w)|$)"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|according to|added|asked|wrote|told|quoted|quoting|cited|citing|starring|featuring|"
    r"(?:directed|written|played|produced|founded|chaired) by)[^\S\n]+$"
)
_ROLE_THEN_NAME = re.compile(r"\b[Tt]he[^\S\n]+(?P<role>[a-z]+)[^\S\n]+$")
_COPULA = re.compile(r"[^\S\n]+(?:is|was|has been|had been|serves as|served as)[^\S\n]+(?P<role>(?:the|a|an)[^\S\n][^.;:,“”\"\n]{3,100})")
_AGE = re.compile(r"^,[^\S\n]+\d{2},")
_NOT_ROLE_START = frozenset("who whose which and but or said says told as in on at when after while where that this it he she they".split())
_LIST_GAP = re.compile(r"(?:,|;|,?[^\S\n]+and)[^\S\n]+(?:and[^\S\n]+)?")
_LIST_END = re.compile(r"(?:[,;.)]|[^\S\n]+and\b|[^\S\n]*$|[^\S\n]+(?:were|are|have|had|will|would|all)\b)", re.M)
_SUFFIX = re.compile(r",?[^\S\n]+(Jr\.|Sr\.|Jr\b|Sr\b|Jnr\b|Snr\b|II\b|III\b|IV\b)(?![\w-])")
_OF_BEFORE = re.compile(r"(?:\b[a-z]+[^\S\n]+)?(?P<role>[\w-]+)[^\S\n]+(?:of|at|for)[^\S\n]+(?:the[^\S\n]+)?$")
_ROLE_IN_BRACKETS = re.compile(r"^[^\S\n]*\((?P<role>[^()\n]{3,80})\)")
_COMPLEMENT_WORDS = frozenset("of for to at in on against the and & de del".split())


def find_people(text: str) -> dict[str, str | None]:
    """People with roles: "Attorney General William Barr", "Eduardo Guerrero, a security consultant"."""
    people, _ = people_and_index(text)
    return dict(people)


_last: list[tuple[str, dict[str, str | None], NameIndex]] = []  # the last text read: quotations read it again


def people_and_index(text: str) -> tuple[dict[str, str | None], NameIndex]:
    """The people of a text and the index of its names, read once for the last text asked about."""
    if _last and _last[0][0] is text:
        return dict(_last[0][1]), _last[0][2]
    people, index = _read_people(text)
    _last[:] = [(text, people, index)]
    return dict(people), index


def _read_people(text: str) -> tuple[dict[str, str | None], NameIndex]:
    people: dict[str, str | None] = {}
    index = NameIndex()
    candidates: list[str] = []
    weak: set[str] = set()  # names that are people only by a given name
    strong: set[str] = set()  # names a cue in the text says are people's

    def add(name: str, role: str | None) -> None:
        if (len(people) < MAX_PEOPLE or name in people) and people.get(name) is None:
            people[name] = role.strip(" ,") if role else None

    index.runs = runs(text)
    person_end = -1  # where in the text the last person found ends
    for start, tokens in index.runs:
        groups = name_groups(tokens)
        if len(tokens) <= 2:  # "Doyle", "De Niro", "López Obrador": a surname used on its own
            index.alone[bare(" ".join(tokens))] += 1
        accepted_end = -1  # where the last person of this run ends
        for i, j in groups:
            if j < len(tokens) and (bare(tokens[j]) in ORG_HEADS or bare(tokens[j]) in THING_HEADS):
                continue  # "Conflict Resolution Clinic", "Mercury Music Prize": an organisation's name, a thing's
            name = join_name(tokens[i:j])
            words = [w for w in name.split() if w not in PARTICLES]
            if len(words) > 4:
                continue
            if len(words) >= 2:
                index.note(name)
            found = _person(text, start, tokens, groups, i, j, len(words))
            if found is None and len(words) >= 2 and accepted_end >= 0 and tokens[accepted_end:i] == ["and"]:
                found = ""  # "starring Dennis Quaid and Scarlett Johansson": a person beside a person
            at = start + len(" ".join(tokens[:i])) + (1 if i else 0) if start >= 0 else -1
            end = at + len(" ".join(tokens[i:j]))
            if (
                found is None
                and len(words) >= 2
                and at > person_end >= 0
                and _LIST_GAP.fullmatch(text, person_end, at)
                and _LIST_END.match(text, at + len(" ".join(tokens[i:j])))
            ):
                found = ""  # "Ana Ruiz, Tom Lee and Eva Moss": a name in a list of people
            given = found is None and given_name_person([bare(t) for t in tokens[i:j] if t not in PARTICLES])
            if given:
                found = ""  # "goals from Ana Ruiz and one by Tom Lee": a common given name says it
            suffix = _SUFFIX.match(text, end) if at >= 0 and j == len(tokens) and len(words) >= 2 else None
            if suffix:  # "Othon Lind, Sr.": the suffix is part of the name and says it is a person's
                name, found = f"{name} {suffix.group(1).rstrip('.')}{'.' if suffix.group(1)[0] in 'JS' else ''}", found or ""
                end = suffix.end()
            if found is not None:
                add(name, found or None)
                (weak if given else strong).add(name)
                accepted_end = j
                person_end = end
            elif len(words) >= 2:
                candidates.append(name)
    # "Forest manager Gary Megson": a word of a person's role names the body they serve, not a person.
    affiliations = {w for role in people.values() if role for w in role.split()[:-1] if w[:1].isupper()}
    for name in candidates:  # a surname used alone: "Robert Doyle ... Doyle said", "López Obrador said"
        surname = name.split()[-1]
        if surname in affiliations:
            continue
        two = " ".join(name.split()[-2:])
        if len(name.split()) > 3 and not index.alone[two]:
            continue
        two_alone = index.alone[two] and (name.split()[-2] in ("De", "Van", "Von") or (len(name.split()) > 2 and is_person_name(two)))
        if index.alone[surname] or two_alone:
            add(name, None)
    strong.update(name for name in weak if index.alone[name.split()[-1]])  # "… Zola scored": the surname alone
    for name, role in credited(text) + listed(text) + nominated(text):
        add(name, role)
        strong.add(name)
    for name in nicknamed(text) + described(text) + addressed(text) + greeted(text) + shared_surname(text) + kin_named(text):
        add(name, None)
        strong.add(name)
    # A name known only by its given name ("Eli Lilly") lists no one beside it.
    index.weak = weak - strong
    for name in beside(text, [p for p in people if p not in index.weak]):
        add(name, None)
        index.listed.add(name)
    for _, label, role in speaker_labels(text, people, index):
        if label:
            add(label, role)
            if role and " " not in label:
                index.titled.add(label)  # "PRESIDENT BIDEN:" left as "Biden": a fuller name is someone else's
    return merged(people, index), index


@lru_cache(maxsize=65_536)
def _is_title(token: str) -> bool:
    return token in TITLES or (token.startswith(("then-", "ex-", "Then-", "Ex-")) and token.split("-", 1)[1] in TITLES)


def _person(text: str, start: int, tokens: list[str], groups: Sequence[tuple[int, int]], i: int, j: int, size: int) -> str | None:
    """The role of the name tokens[i:j] of a run if the text says it is a person's ('' for a
    person without a role), else None."""
    if size == 1 and not (i and _is_title(tokens[i - 1])):
        # one word is a person's name only right after a title (the cheap test first), or after
        # "the" and a role in lower case: "the apostle Paul", "the rapper Eminem"
        lead = _ROLE_THEN_NAME.search(text, max(0, start - 30), start) if i == 0 and j == len(tokens) and start > 0 else None
        return lead.group("role") if lead and lead.group("role") in ROLE_NOUNS else None
    if size == 1 and tokens[i - 1].endswith("s") and tokens[i - 1][:-1] in TITLES and tokens[j : j + 1] != ["and"]:
        return None  # a title in the plural names several ("Governors Roe and Vance"), not "Leaders Back the Plan"
    # The name before this one ends the title before this one: a name of two words or more, or
    # one word after a title ("President Biden and First Lady Jill Biden").
    previous_end = max((b for a, b in groups if b <= i and (b - a >= 2 or (a and _is_title(tokens[a - 1])))), default=0)
    before = tokens[previous_end:i]
    while before and before[0] in _CONNECTORS:
        before = before[1:]
    titled = [k for k, t in enumerate(before) if _is_title(t)]
    # One word after a title is a name only right after a title of address ("Governor
    # Hochul"), not after a modifier ("Former Conservative") or a complement ("Leader of
    # the Opposition").
    single = size == 1 and (not before or not _is_title(before[-1]) or before[-1] in _MODIFIERS)
    # A name between the title and this one is the title's ("President Biden Announces Key
    # Nominees"), as is a headline's verb between them.
    last = previous_end + (titled[-1] if titled else 0)
    taken = any(a > last and _is_title(tokens[a - 1]) for a, _ in groups if a < i) or any(t in HEADLINE_VERBS for t in tokens[last:i])
    if titled and not single and not taken and before[-1] not in _CONNECTORS:  # "Secretary of the Substance Abuse …"
        links = [k for k in range(titled[0]) if before[k] in _CONNECTORS]
        if links:  # "Reception for Lieutenant Governor John Roe": the role starts at the title
            before = before[links[-1] + 1 :]
        while len(before) > 1 and (before[0] in _LEADING or before[0] in HEADLINE_VERBS):
            before = before[1:]  # "Remarks Honoring Dr. Jane Roe"
        # "Secretary of State Antony Blinken": the title is a role; a form of address is none ("Mr
        # Roe", "On Thursday Mr Blair") nor part of one ("Chancellor Mr Brown")
        office = without_address(before)
        return " ".join(office) if any(_is_title(t) for t in office) else ""
    if start < 0 or size < 2:
        return None
    at = start + len(" ".join(tokens[:i])) + (1 if i else 0)
    end = at + len(" ".join(tokens[i:j]))
    if i == 0 and _SAID_BEFORE.search(text, max(0, at - 20), at):  # '…," said Jane Roe, director of X.'
        return (_role_after(text, at, end) or "") if j == len(tokens) else ""
    if i == 0:
        role = _role_before(text, at) or _title_before_comma(text, at)
        if role:
            return role
    if i and all(bare(t) in NOT_NAME or bare(t) in ORG_HEADS or t in _CONNECTORS for t in tokens[:i]):
        role = _role_across(text, start, " ".join(tokens[:i]))
        if role:
            return role
    if j == len(tokens):
        return _role_after(text, at, end)
    return None


def _role_across(text: str, start: int, lead: str) -> str | None:
    """A role whose words reach into the run before the name: "head of the Gulf Cartel Ana Ruiz",
    "Undersecretary of Human Rights, Population and Migration Ana Ruiz"."""
    window = text[max(0, start - 120) : start]
    of = _OF_BEFORE.search(window)
    if of and lead.split()[-1] in ORG_HEADS and (of.group("role").lower() in ROLE_NOUNS or _is_title(of.group("role"))):
        return f"{of.group(0).strip()} {lead}"
    if window.endswith(", ") and lead.split()[0] not in _CONNECTORS:
        clause = re.split(r"[.;:!?\n(]", window)[-1].strip()
        if clause and _is_title(clause.split()[0]) and all(w[:1].isupper() or w in _CONNECTORS for w in clause.split()):
            return f"{clause} {lead}"
    return None


def _title_before_comma(text: str, at: int) -> str | None:
    """'the finance minister, Pedro Alva', 'Federal Commissioner for X, Jane Roe': a title and a
    comma just before the name."""
    window = text[max(0, at - 120) : at]
    if not window.rstrip().endswith(","):
        return None
    words = re.split(r"[.;:!?\n,]", window.rstrip()[:-1])[-1].split()[-12:]
    joins = [k for k, w in enumerate(words) if w in ("and", "or", "but", "while", "between")]
    words = words[joins[-1] + 1 :] if joins else words  # "between X and the harbor chief": the last of the two
    # The description starts at its article ("the harbor chief") or is the whole clause, a
    # title ("Federal Commissioner for Protection against Coastal Risks").
    articles = [k for k, w in enumerate(words) if w.lower() in ("the", "a", "an", "his", "her", "its", "their")]
    # The description starts at the article before its first role: "the son of the kingpin".
    roles = [k for k, w in enumerate(words) if _is_role_word(w)]
    articles = [k for k in articles if not roles or k < roles[0]] or articles
    if articles:
        words = words[articles[-1] :]
    elif not words or not words[0][:1].isupper():
        # "saying another “most wanted” drug cartel leader, Jane Roe": the words back to a stop
        kept: list[str] = []
        for word in reversed(words):
            if word.lower() in _ROLE_STOPS or word[-1] in '“”"' or word.endswith("ing"):
                break
            kept.insert(0, word)
        words = kept
    clause = " ".join(words)
    # One person's role: a role in the singular ("Advocates, Lawmakers, Parents" are groups) whose
    # complement is short ("the head of the agency") or names a body or a place, not a thing ("the
    # director of the popular West End musical, X").
    singular = [k for k, w in enumerate(words) if _is_role_word(w) and not (w.endswith("s") and w.lower()[:-1] in ROLE_NOUNS)]
    tail = words[[k for k, w in enumerate(words) if _is_role_word(w)][-1] + 1 :] if singular else []
    titled = bool(singular) and (
        len(tail) <= 3 or all(w[:1].isupper() or w in _COMPLEMENT_WORDS or w.capitalize() in ORG_HEADS for w in tail)
    )
    return clause if titled and not is_person_name(clause) else None


def _is_role_word(word: str) -> bool:
    """A title or a role noun, singular or plural ("leaders of the cartel")."""
    return (_is_title(word) and word not in _MODIFIERS) or role_noun(word)


def _role_before(text: str, at: int) -> str | None:
    """A role noun written just before a name ("Seoul resident", "State Department deputy
    spokesperson"), with the words before it back to a boundary."""
    words = text[max(0, at - 80) : at].rsplit("\n", 1)[-1].split()  # a role is on the name's line
    if not words or words[-1] not in ROLE_NOUNS:
        return None
    kept: list[str] = []
    for word in reversed(words[-6:]):
        if word.lower() in _ROLE_STOPS or word[-1] in ',.;:“”"' or word.endswith("ing"):  # not "representing failed candidate"
            break
        kept.insert(0, word)
    return " ".join(kept)


def _role_after(text: str, at: int, end: int) -> str | None:
    """The appositive after a name ("Jane Roe, director of X" -> "director of X"); a name that
    starts a line takes the rest of the line ("Jane Roe, Nominee for Director of X, Department
    of Y"). '' for a person without a role (a verb of a person follows); None when nothing says
    the name is a person's."""
    after = text[end : end + 220]
    line_start = text.rfind("\n", max(0, at - 20), at) + 1
    if (line_start or at < 20) and not text[line_start:at].strip("•*-–— \t") and after.startswith(", "):
        line = re.split(r"\n|[^\S\n][-–•][^\S\n]", after, maxsplit=1)[0]  # "- Jane Roe, Nominee for X - Tom Lee, ..."
        role = line[2:].strip(" .")
        titled = any(_is_title(w) or w.lower() in ROLE_NOUNS for w in role.split()[:8])  # not "Philadelphia, Pennsylvania"
        if titled and role.split()[0] not in _NOT_ROLE_START and len(role) < 200 and not re.search(r"[.!?](?:\s|$)|[“”\"]", line):
            return role
    if _AGE.match(after) or _PERSON_VERBS.match(after) or _ALIAS.match(after):
        return ""
    if _PRONOUN_LATER.match(after) and text[at:end].split()[-1].lower() not in ROLE_NOUNS:  # not "a Quality Engineer … she"
        return ""
    if _HE_NEXT.match(after) and text[at - 30 if at > 30 else 0 : at].rstrip().endswith(("whether", "if", "that", ".", "\n")):
        return ""  # "I don't know whether Dick Durbin is here. He was supposed to come": the subject "he" goes on
    if _SAYS_NEXT.match(after) and len(text[at:end].split()) >= 3:
        return ""  # three name words, as a place or a body is seldom named without a word of :mod:`.vocabulary`
    bracket = _ROLE_IN_BRACKETS.match(after)  # "Ovidio Ruiz (son of “El Gato”)"
    if bracket and any(w.lower() in ROLE_NOUNS or _is_title(w) for w in bracket.group("role").split()[:3]):
        return bracket.group("role")
    copula = _COPULA.match(after)  # "Jane Roe is the director of X", "… was a lawyer"
    if copula and any(w.lower().strip(",") in ROLE_NOUNS for w in copula.group("role").split()[:6]):
        return copula.group("role").strip()
    appositive = _APPOSITIVE.match(after)
    if appositive and appositive.group("role").split()[0].lower() not in _NOT_ROLE_START:
        role = re.split(r"\s+(?:said|says|told|tells|added|adds|explained|warned|wrote|writes|who|which)\b", appositive.group("role"))[
            0
        ].strip()
        # A role says what the person is: "a lawyer", "director of X", "Nominee for Y"; not what
        # they did ("beat his co-star").
        # "manager's", "officials": a possessive or a plural of a role word (not "skipper" -> "kipper").
        lowered = [re.sub(r"[’'](?:s\b)?$|(?<=[^s])s$", "", w.lower()) for w in role.split()[:5]]
        titled = any(w in ROLE_NOUNS or (w.capitalize() in TITLES and w.capitalize() not in _MODIFIERS) for w in lowered)
        if not titled and any(w in ORG_HEADS for w in role.split()[:6]):
            return None  # "Fly Formula, the Department of Health": an organisation, not a role
        groups = name_groups(role.split())
        names_one = bool(groups) and groups[-1][1] == len(role.split()) and groups[-1][1] - groups[-1][0] >= 2
        if (role.split()[0] in _ROLE_START or titled) and not names_one:  # "Tom Lee, Representative Ann Bishop": a list of names
            return role
    return None
