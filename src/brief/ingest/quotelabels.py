"""Labels that introduce quoted words: a name and a colon, a label line, a list of guests.

Stage: extraction (used by :mod:`.attribution`). Releases, readouts and round-ups print who speaks
as a label before the words rather than in a sentence: "President Jane Roe: “…”", "Rep. Jane Roe
(D-NY): “…”", "Jane Roe, President and CEO, Harbor Mining: “…”", "Statement from Governor Jane
Roe:", "From the Harbor Board:", "In the words of Seamus Heaney, “…”". Each pattern is anchored
at the end of a window of at most a few hundred characters before the opening mark. Signatures
are labels after the words: a name under an epigraph, or after a dash on the quotation's line;
outlets sign by their letters ("— CNN", "(MSNBC)"). A headline's subject, who speaks a list of
quotations under it, is :mod:`.headlinesubject`'s.
"""

from __future__ import annotations

import re

from brief.ingest.givennames import is_given_name
from brief.ingest.metadata import MONTH
from brief.ingest.namewords import name_groups, person_groups
from brief.ingest.speechwords import OWNED_DOCUMENTS, ROLE_WORD, TITLED, VERB_WORD
from brief.ingest.vocabulary import (
    HEADLINE_VERBS,
    NAME_WORD,
    NOT_NAME,
    ORG_HEADS,
    PARTICLES,
    ROLE_LABELS,
    ROLE_NOUNS,
    TITLES,
    role_noun,
)

# "President Jane Roe: “…”", and a line that starts with who speaks: "- Harbor boss Jane Roe “…”".
# A party and a seat in brackets may follow the name: "Rep. Jane Roe (D-NY): “…”".
_BRACKETED = r"(?:\([^()\n:“”\"]{1,40}\)|\[[^\[\]\n:“”\"]{1,40}\])"  # "(D-NY)", "[R-TX]", "(@handle)"
_SEAT = rf"(?:[^\S\n]*{_BRACKETED})?"
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
    if listed and VERB_WORD.search(listed.group("role")):
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
        return re.sub(r"^(?:From|Via)\s+", "", named), None  # "President Jane Roe: “…”"; "From The Harbor Desk:"
    label = _WORDS_LABEL.search(window) if window.rstrip(" *_\n").endswith(":") else None
    if label:
        return label.group("who") or label.group("source") or label.group("owner"), None  # "Statement from Governor Ana Ruiz:"
    return None


# A paragraph that opens with who speaks, a colon and the words, as round-ups of reactions print
# them: "Harbor Workers Union (HWU): “…” [Post, 5/3/24]", "Senate Leader, Jane Roe (NY): “…”".
# A label, its colon, and a few words of the item before a quotation (no other quotation between).
_LABEL_THEN_WORDS = re.compile(r"[-•*\s]*(?P<label>[A-Z][^:\n“”\"]{1,120}?)[*_\s]*:[*_\s]+[^:\n“”\"]{1,160}$")
# A tag in capitals may come first ("- ✅ PROMISE KEPT: Harbor Daily: “…”"): the label is what follows it.
_PARAGRAPH_LABEL = re.compile(
    r"[^\w“”\"\n]*(?:[A-Z]{2,}(?:\s[A-Z]{2,}){0,3}:\s+)?(?P<label>[A-Z0-9@.][^:|\n“”\"—–]{1,150}?)[*_\s]*(?::|\s[—–-]|\s?\|)[*_\s]*$"
)
# Small words a name or an office may hold; any other word in lower case makes the label a sentence.
_LABEL_SMALL = frozenset("of for and the on in at to & – — - by with".split()) | PARTICLES  # and a name's particles ("von der")
# Words that label a passage, not a speaker ("Note: “…”").
_NOT_SPEAKERS = frozenset(
    "note background update quote source headline title participants icymi breaking excerpt excerpts highlights".split()
)
# A line that invites the reader somewhere: "See the President’s Video HERE:".
_INVITATIONS = frozenset("See Read Watch Click Listen View Visit Download Follow Share Sign Join".split())
_SEAT_NOTE = re.compile(rf"\s*{_BRACKETED}")
# Where words were posted, after the name in a label: "Jane Roe on Twitter:", "Senator Roe, on X:".
_ON_PLATFORM = re.compile(r",?\s+on\s+(?:X|Twitter|Facebook|Instagram|Threads|Truth Social|Bluesky|LinkedIn|social media)$")
# The place a person's office is of: "Mayor Jane Roe of Harbor City", "Senator Tom Vance of Oregon".
_OF_SEAT = re.compile(r"\s+of\s+(?P<seat>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|\d+))*)$")
# A programme the person spoke on: "Sen. Jane Roe on Meet the Press", "Ana Ruiz on CNN This Morning".
_ON_SHOW = re.compile(r"\s+on\s+(?:[A-Z][\w’'.&-]*|\d+)(?:\s+(?:the|of|and|in|[A-Z][\w’'.&-]*|\d+))*$")
_CAPITALS = re.compile(r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3}")  # a name printed in capitals
# An outlet or a body known by its letters ("CNN", "MSNBC", "AP"), or a station by its call sign
# and band or channel ("WKRN-TV", "KQED-FM", "ABC15"), not a transcript's role ("AUDIENCE").
_ACRONYM = re.compile(rf"(?!(?:{'|'.join(sorted(w.upper() for w in ROLE_LABELS))})\b)[A-Z]{{2,6}}(?:\d{{1,3}}|-(?:TV|FM|AM|DT))?")
# A date that labels a quotation in a list of them ("January 19, 2025:", "May 3:"): when, not who.
DATED = re.compile(rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?")
_NAME_LINKS = frozenset("of for and the de del".split())  # small words inside a body's name
LABEL_WORDS = 12  # words a label line may hold; a longer line is a sentence or a headline


# A line that names where an excerpt comes from, then its headline: "Harbor Times (Portland,
# Oregon): Crews rebuild the docks in record time".
_SOURCE_HEADLINE = re.compile(r"[-•*\s]*(?P<source>[A-Z0-9][^:\n“”\"]{1,80}?)\s*:\s+[^\n]{10,250}?(?<![.!?:;,])[”’\"]?")


def source_of_excerpt(text: str, line_start: int, line_end: int) -> str | None:
    """The source a headline line names (the paragraph text[line_start:line_end]) above an
    excerpt that the next paragraph quotes: "Harbor Times: Crews rebuild the docks" -> "Harbor Times"."""
    match = _SOURCE_HEADLINE.fullmatch(text, line_start, line_end)
    source = _SEAT_NOTE.sub("", match.group("source")).strip() if match else ""
    return source if source and _label_words(source) else None


def _label_words(label: str) -> bool:
    """Words a label may hold: capitalised words and the small words of names, no sentence."""
    words = label.split()
    return not (
        len(words) > 16
        or (label.isupper() and not _ACRONYM.fullmatch(label))  # "MS. ROE:", a transcript's turn; "CNN:" an outlet
        or words[0] in _INVITATIONS
        or words[0] in ("On", "About", "Regarding", "Re")  # "On tariffs:", a topic, not a speaker
        or label.lower() in _NOT_SPEAKERS
        or re.search(r"[a-z]{3}[.!?](?:\s|$)", label)
        # a role in lower case may stand before the name: "Harbor lawyers Tom Vance and Ana Ruiz"
        or any(w[0].islower() and w.lower() not in _LABEL_SMALL and not re.search(r"[A-Z0-9]", w) and not role_noun(w) for w in words)
    )


def paragraph_label(text: str, para_start: int, open_at: int) -> tuple[str, str | None] | None:
    """Who a paragraph's opening label names, when the paragraph is the label, a colon and the
    quotation: a person in full (their roles after commas are the role) or else a body's name."""
    match = _PARAGRAPH_LABEL.fullmatch(text, para_start, open_at)
    read = _read_label(match.group("label").strip()) if match else None
    return read[:2] if read else None


# A label run into its quotation when a line break between them was lost: "Tom Vance, President,
# Harbor Workers Union “…”".
_BARE_LABEL = re.compile(r"[-•*\s]*(?P<label>[A-Z][^:“”\"\n.!?;]{3,150}?)[*_\s]*$")


def bare_label(text: str, para_start: int, open_at: int) -> tuple[str, str | None] | None:
    """Who a paragraph's opening words name when they are only a person's name and roles, with
    no colon or dash before the quotation that fills the rest: the label line of a round-up whose
    line break was lost. Only a person; a body's name may open a sentence."""
    match = _BARE_LABEL.fullmatch(text, para_start, open_at)
    label = match.group("label").strip() if match else ""
    read = _read_label(label) if label else None
    if not read or not read[2]:
        return None
    # only titles and roles before the name ("Mayor Jane Roe", "Harbor lawyers Tom Vance"), never
    # the start of a sentence ("According to the Harbor Annual Review")
    lead = label.split(",")[0].split(read[0])[0].split()
    return read[:2] if all(w in TITLES or role_noun(w) for w in lead) else None


def paragraph_label_before(text: str, item_start: int, open_at: int) -> tuple[str, str | None] | None:
    """Who a label that opens the paragraph (or its list item) names when words of the item come
    between the label's colon and the quotation: "- Governor Jane Roe: the officers are “…”". Only
    a person; a body's name may open a sentence ("Congress: …")."""
    match = _LABEL_THEN_WORDS.match(text, item_start, open_at)
    read = _read_label(match.group("label").strip()) if match else None
    return read[:2] if read and read[2] else None


def _read_label(label: str) -> tuple[str, str | None, bool] | None:
    """The speaker a label names, its role, and whether it is a person: a person in full (roles
    after commas, a party and seat in brackets), or else a body's name as printed."""
    if not _label_words(label) or DATED.fullmatch(label):
        return None  # "The council discussed three issues:": a sentence, not a label; "May 3, 2024:" a date
    label = _ON_PLATFORM.sub("", label)  # "Jane Roe on X:": where, not who
    show = _ON_SHOW.search(label)
    if show and _ends_in_person(label[: show.start()]):
        label = label[: show.start()]  # "Jane Roe on Meet the Press:"; not "Council on Foreign Relations:"
    seat = _OF_SEAT.search(label)
    if seat and "," not in label and _ends_in_person(label[: seat.start()]):
        # "Mayor Jane Roe of Harbor City:": the place is the office's, not part of the name
        office = _read_label(label[: seat.start()])
        if office and office[2]:
            return office[0], f"{office[1] or ''} of {seat.group('seat')}".strip(), True
    parts = [_SEAT_NOTE.sub("", part).strip() for part in re.split(r",\s*", label)]
    parts = [part.title() if _CAPITALS.fullmatch(part) else part for part in parts if part]  # "JANE ROE, President"
    for k, tokens, named in _named_parts(parts):
        i, j = named
        role = ", ".join([" ".join(tokens[:i])] * bool(i) + parts[:k] + parts[k + 1 :]) or None
        return " ".join(tokens[i:j]), role, True  # "Chair, Senate Committee, Senator Jane Roe": the person, the rest the role
    # A body's name, commas and all ("Federation of State, County, and City Employees"), as printed
    return (_SEAT_NOTE.sub("", label).strip(), None, False) if parts else None


def signatures_below(text: str, paragraphs: list[tuple[int, int, bool]]) -> bool:
    """Whether the text's quotations are signed below rather than labelled above: more paragraphs
    that are quotations have a line naming a person after them than before them (a list of
    quotations under headings has one heading more above than below). `paragraphs`: each
    paragraph's start, end, and whether it is quotations only."""
    above = below = 0
    for k, (_, _, quoted) in enumerate(paragraphs):
        if not quoted:
            continue
        over = paragraphs[k - 2][0] if k > 1 and not paragraphs[k - 2][2] else None  # a name over a role line
        above += k > 0 and not paragraphs[k - 1][2] and _names_person_line(text, *paragraphs[k - 1][:2], over)
        below += k + 1 < len(paragraphs) and not paragraphs[k + 1][2] and _names_person_line(text, *paragraphs[k + 1][:2])
    return below > above


def _names_person_line(text: str, start: int, end: int, before: int | None = None) -> bool:
    named = line_label(text, start, end, before)
    return named is not None and named[2]


def line_label(text: str, start: int, end: int, before: int | None = None) -> tuple[str, str | None, bool] | None:
    """Who the line above a quotation (text[start:end], a paragraph) names, or, when it is only a
    role ("Mayor of Harbor Town") and `before` starts the line above it, who that line names with
    the role line as the role: a label of two lines, name over title."""
    named = _one_line_label(text, start, end)
    if (named is None or not named[2]) and before is not None and before < start:
        role = _HEADING.fullmatch(text, start, end)
        person = _one_line_label(text, before, start - 2)
        words = role.group("who").strip() if role else ""
        if person and person[2] and not person[1] and words and len(words.split()) <= LABEL_WORDS and _label_words(words):
            return person[0], words, True
    return named


def _one_line_label(text: str, start: int, end: int) -> tuple[str, str | None, bool] | None:
    """Who a line of its own above a quotation names (text[start:end], a paragraph): a person
    ("Senator Tamara Bell (D-WI)", "Governor Jane Roe, Chair of the Coastal Governors") or a body
    by the head word of its name ("National Association of Harbor Towns"); a headline, which
    says what happened ("Harbor Plan Creates Jobs"), names nobody. The last of the three: a person."""
    match = _HEADING.fullmatch(text, start, end)
    if match is None or len(match.group("who").split()) > LABEL_WORDS:
        return None
    read = _read_label(match.group("who").strip())
    if read is None:
        return None
    who, _, person = read
    words = match.group("who").split()
    if person or (any(w in ORG_HEADS for w in who.split()) and not any(w in HEADLINE_VERBS for w in words)):
        return read
    return None


# A heading that names who speaks in the paragraphs under it: "Secretary of Labor Jane Roe on Meet
# the Press", "Governor Ana Ruiz at the Harbor Summit".
# A stop inside it is an initial's or a title's ("U.S. Trade Representative", "Gov. Roe").
_HEADING_CHAR = r"(?:[^\n.!?:“”\"]|(?<=\b[A-Z])\.|(?<=\b(?:Sen|Rep|Gov|Amb|Gen|Mrs|Col|Sec))\.|(?<=\b(?:Dr|Mr|Ms|Lt|Jr|Sr|St))\.)"
_HEADING = re.compile(
    rf"[#*_\s]*(?P<who>[A-Z]{_HEADING_CHAR}{{2,120}}?)(?:\s+(?:on|at|in|with|to)\s+[A-Z0-9]{_HEADING_CHAR}{{1,60}})?[*_\s]*"
)


def _named_parts(parts: list[str]) -> list[tuple[int, list[str], tuple[int, int]]]:
    """The comma-parted label's first part that ends in a person's name, with the name's span; else
    a first part that is a bare name with roles after it ("Ana Roe, President, Harbor Union")."""
    for k, part in enumerate(parts):
        tokens = part.split()
        named = [(i, j) for i, j in person_groups(tokens) if j == len(tokens) and j - i >= 2 and not _office(tokens[-1])]
        if named:
            i, j = named[-1]
            # "Head of Macro Research Florian Ielpo": a given name inside the run starts the name
            given = next((g for g in range(i + 1, j - 1) if is_given_name(tokens[g])), i)
            # "Harbor lawyers Tom Vance and Ana Ruiz": two people who speak together
            pair = [g for g, h in person_groups(tokens[: given - 1]) if h == given - 1 and h - g >= 2] if given >= 3 else []
            if pair and tokens[given - 1] == "and" and is_given_name(tokens[pair[-1]]):
                return [(k, tokens, (pair[-1], j))]
            if given == i and i and tokens[i - 1].lower() in _NAME_LINKS:
                continue  # "National Association of Harbor Towns": the end of a body's name
            return [(k, tokens, (given, j))]
    tokens = parts[0].split() if parts else []
    last = tokens[-1] if tokens else ""
    titled = all(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ’'.-]+", t) and t not in NOT_NAME for t in tokens)
    if len(parts) > 1 and 2 <= len(tokens) <= 4 and titled and last not in ORG_HEADS and not _office(last):
        return [(0, tokens, (0, len(tokens)))]
    return []


def _ends_in_person(words: str) -> bool:
    """The words end in a person's name of two words or more ("Sen. Jane Roe")."""
    tokens = words.split()
    return any(j == len(tokens) and j - i >= 2 and not _office(tokens[-1]) for i, j in person_groups(tokens))


def _office(word: str) -> bool:
    """A title or a role ("Leader", "Director"), which ends an office's name, not a person's."""
    return word in TITLES or word.lower() in ROLE_NOUNS


def heading_speaker(text: str, start: int, end: int) -> str | None:
    """The person a heading paragraph (text[start:end]) names, if it is a short line that names one."""
    named = line_label(text, start, end)
    return named[0] if named and named[2] else titled_heading(text, start, end)


def titled_heading(text: str, start: int, end: int) -> str | None:
    """A heading that names its speaker by a title and a surname ("Secretary Roe on This Week"),
    which resolution names in full."""
    match = _HEADING.fullmatch(text, start, end)
    tokens = match.group("who").split() if match else []
    titled = 2 <= len(tokens) <= LABEL_WORDS and tokens[-2] in TITLES and tokens[-1][:1].isupper() and tokens[-1] not in TITLES
    return " ".join(tokens[-2:]) if titled else None


# A statement as the speaker: "a BBC statement read", "Mr Tanzi's statement said": whose it is.
_OWNED_STATEMENT = re.compile(
    rf"(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:(?:joint|written|brief|short|later)\s+)?(?P<of>{TITLED})\s+(?:(?:joint|written|brief|short|later)\s+)?(?:statement|press\s+release|letter)"
    rf"|(?P<owner>{TITLED})[’']s?\s+(?:(?:joint|written|brief|short|later|new|latest|annual)\s+)?{OWNED_DOCUMENTS})$"
    # "a statement from the firm", "the letter from Harbor Mining"
    rf"|(?:[Aa]n?|[Tt]he)\s+(?:statement|press\s+release|letter)\s+from\s+(?P<sender>(?:the\s+)?(?:{TITLED}|[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}))"
)


def statement_owner(who: str) -> str:
    """The body or person whose statement speaks: "a BBC statement" -> "BBC"."""
    owned = _OWNED_STATEMENT.fullmatch(who)
    return (owned.group("of") or owned.group("owner") or owned.group("sender")) if owned else who


# A post's handle and date after its author's name: "Jane Roe (@janeroe) May 3, 2024".
_POSTED = rf"[^\S\n]*\(@\w{{1,30}}\)(?:[^\S\n]+{MONTH}[^\S\n]+\d{{1,2}},?[^\S\n]+\d{{4}})?"
# A name on its own line under an epigraph: "President Joe Biden" (then, perhaps, a date line).
_SIGNATURE = re.compile(
    # after a dash, a description may lead to the name, and roles may follow it: "— White House
    # spokesman Kush Desai", "— Jane Roe, President, Harbor Union"
    rf"[—–][^\S\n]*(?P<signed>[A-Z][\w’'.-]*(?:[^\S\n]+[\w’'.-]+){{1,9}}?)(?:,[^\n]{{1,120}}|{_POSTED})?[^\S\n]*(?:\n|$)"
    rf"|(?:[—–-]+\s*)?(?P<who>(?:{NAME_WORD}\s+){{1,7}}?{NAME_WORD})(?:,?\s+(?:Jr|Sr)\.?|\s+I{{2,3}})?\s*(?:\n|$|{MONTH}\s+\d)"
)
_ONLY_EMPHASIS = re.compile(r"[ *_\n]*")
_LIST_LEAD = re.compile(r"[ *_\n]*(?:[-•][ *_]+)?")  # emphasis, and perhaps a list's mark
_SIGNED_BARE = re.compile(r"[^\S\n]+\(?(?P<label>[A-Z][^()\n“”\"]{2,150}?)\)?\.?[ *_]*")
# A dash and a name (a description may lead to it) after a quotation on its line, perhaps with
# where it was said after a comma: "— Press Secretary Karen Lowe, reported in Harbor News." (or " - "),
# and a seat after the name: "— Senator Mark Hale (D-OR)"
_SIGNED_AFTER = re.compile(
    rf"[^\S\n]*(?:[—–]|-(?=\s))[^\S\n]*(?P<signed>[A-Z]{{2,6}}|[A-Z][\w’'.-]*(?:[^\S\n]+[A-Za-z][\w’'.-]*){{1,9}}?){_SEAT}(?:(?:,[^\n,]{{1,80}}){{1,3}}|{_POSTED})?\.?[ *_]*"
)


def signed_after(text: str, open_at: int, close_at: int, para_start: int, para_end: int) -> str | None:
    """A paragraph that is only the quotation and, on its line after it, who said it: '“…” — Press
    Secretary Karen Lowe', '“…”— Karen Lowe, reported in Harbor News.' (resolved to the name it
    ends with), or a person's name and roles alone or in brackets."""
    if not _LIST_LEAD.fullmatch(text, para_start, open_at):
        return None
    signed = _SIGNED_AFTER.fullmatch(text, close_at + 1, para_end)
    if signed:
        return signed.group("signed")
    # No dash: a person's name and roles, perhaps in brackets ('“…” (Jane Roe, President, Harbor
    # Union)'), or an outlet or body by its letters or the head of its name ("(CNN)", "(NBC News)")
    bare = _SIGNED_BARE.fullmatch(text, close_at + 1, para_end)
    read = _read_label(bare.group("label").strip()) if bare else None
    if read is None:
        return None
    body = _ACRONYM.fullmatch(read[0]) or read[0].split()[-1] in ORG_HEADS
    return read[0] if read[2] or body else None


def epigraph_signature(text: str, open_at: int, close_at: int, para_start: int, para_end: int) -> str | None:
    """An epigraph: a paragraph that is only the quotation, signed by a name on the next line."""
    if not _ONLY_EMPHASIS.fullmatch(text, para_start, open_at) or not _ONLY_EMPHASIS.fullmatch(text, close_at + 1, para_end):
        return None
    skipped = _ONLY_EMPHASIS.match(text, para_end)  # always matches, perhaps nothing
    signed = _SIGNATURE.match(text, skipped.end() if skipped else para_end)
    if signed and signed.group("signed"):
        return signed.group("signed")  # resolved to the name it ends with
    return signed.group("who") if signed and signed.group("who").split()[0] not in NOT_NAME else None
