"""People a text names by one word, or in a list, where no title or appositive says so: reporters a
transcript calls on ("STAFF: Anna, Daily Post." then a question), people thanked or addressed
("Thank you, Anna.", "Anna, I thank you", "And, Jim, I will miss you"), people named beside a
relation ("her husband Erwin", "Jill and I"), after a role noun ("rock singer Marlo"), before a
relative "who" ("Delphine, who we met"), called on by outlet ("Molly from the Post"), a surname
alone as the subject of what a person does ("Since Roe accelerated his build-up"), names in a
descriptive list ("the victims included Joe Roe and Ann Poe", "named for A, B and C", "17-year-old
Joe Roe"), names a speech thanks or introduces ("I want to thank Ana Ruiz"), and names in a list
beside a known person ("Anastacia, Avril Lavigne and Britney Spears").

Stage: extraction (used by :mod:`.names`). Each pattern is bounded, reads a line or a sentence
around its match and runs once over the text, so the cost is linear in the text. A one-word name
is a person's only when the text never writes the word in lower case ("Look, I ..." is no
address) and the word is no place, organisation, month, title or interjection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from brief.ingest.vocabulary import ONE_WORD_ORGS, ORG_HEADS, ROLE_NOUNS, THING_HEADS, is_name_word, is_person_name
from brief.quickre import word_start, word_starts

_W = r"(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’-]{1,30})"  # one word of a name, capitalised, no capitals inside
_SP = r"[^\S\n]+"
_W2 = _W.replace("<name>", "<name2>")
_INTERJECTIONS = frozenset(
    """Look Listen Sorry Okay Ok Well Right Sure Oh Ah Hey Hi Hello Wow Alright Yeah Yep Nope Man Guys Everybody Everyone
    Madam Friends Second Third Fourth Fifth Otherwise Remember Correct Exactly Absolutely Great Good Fine Anyway Again
    Listen Please Sorry Bye Goodbye Cheers Amen Congratulations Mom Dad Mama Papa Honey Baby Sweetheart Brother Sister""".split()
)
# A reporter called on: a label's line that is a name (and an outlet), then a question.
# A reporter a moderator calls on by outlet: "Let’s go to Molly from ABC.", "So, Nandita from Reuters."
# (Each alternative starts with a letter, not a class like [Ss]: then the engine scans for those
# letters alone and tries the pattern nowhere else, which makes the search two and a half times
# faster. _LEAD_IN below is written so too.)
_CALLED_FROM = re.compile(
    rf"(?:go{_SP}to|call{_SP}on|turn{_SP}to|hear{_SP}from|So,|so,|Next,|next,|Okay,|okay,|And|and)[^\S\n]+{_W}{_SP}(?:from|at|with){_SP}(?:the{_SP}|The{_SP})?[A-Z]"
)
_CALLED_ON = re.compile(rf"^[A-Z][A-Z.'’ -]{{0,30}}:{_SP}{_W}(?:[.?!]|,[^\n]{{1,60}})?[^\S\n]*\n+Q\b", re.M)
_Q_NAME = re.compile(rf"^Q{_SP}{_W}\?", re.M)
_LEAD_IN = re.compile(
    rf"(?:Thank you|thank you|Thanks|thanks|Go ahead|go ahead|Welcome|welcome|Congratulations|congratulations),?{_SP}{_W}(?=[.,!?;:—–]|[^\S\n]*$)",
    re.M,
)
# "Anna, I thank you", "And, Jim, I will miss you": an address at the start of a sentence (what
# comes before is checked apart, so that the pattern starts at a capital letter and runs fast).
_OPENING = re.compile(rf"{_W},{_SP}(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|you|you’re|you're|we|thank|thanks|welcome)\b")
_SENTENCE_START = re.compile(r"(?:\A|\n|[.!?][”\"]?[^\S\n]+)(?:(?:And|So|Now|But|Oh|Well),?[^\S\n]+)?\Z")
# "the question you raised, Anna:": an address that ends a clause spoken to someone.
_CLOSING = re.compile(rf"you(?:r)?\b[^.!?\n,]{{0,80}},{_SP}{_W}(?=[:?!]|\.(?:\s|$))")
_INTRODUCED = re.compile(rf"(?:I’m|I'm|I am|[Mm]y name is){_SP}{_W}(?=[.,!?])")
_WITH_I = re.compile(rf"{_W}{_SP}and{_SP}I\b(?![’'])")
_RELATION = re.compile(
    rf"(?:my|his|her|our|their|your){_SP}(?:(?:dear|good|old|late|beloved|longtime|dear old){_SP})?"
    r"(?:friend|husband|wife|son|daughter|brother|sister|mother|father|partner|colleague|grandson|granddaughter|"
    rf"nephew|niece|cousin|uncle|aunt|fiancé|fiancée|pal|buddy|mentor){_SP}{_W}\b(?![^\S\n]+[A-ZÀ-Þ])"
)
# A surname alone as a subject, then a pronoun that points back to it: "Since Roe accelerated his
# build-up", "Roe and his allies", "Roe told me".
_SUBJECT = re.compile(
    rf"{_W}(?=(?:{_SP}(?:\w+ly{_SP})?(?:[a-z]+ed|(?:has|had){_SP}[a-z]+)\b[^.!?\n“”\"]{{0,80}}?\b(?:his|her|he|she|him|himself|herself)\b"
    rf"|{_SP}and{_SP}(?:his|her)\b|{_SP}(?:\w+ly{_SP})?(?:told|tells){_SP}(?:me|us|him|her)\b))"
)
# "R&B singer Usher", "striker Mido": a role noun, then one name word and no other capital.
# Its own list, not the vocabulary's ROLE_NOUNS: before one capitalised word, "rival", "host",
# "leader", "producer" or "partner" name a firm or a team as often as a person ("rival Airbus",
# "host Ireland"), so "host" is left out too.
_ROLE_ONE_WORDS = tuple(
    "singer rapper star actor actress striker midfielder defender goalkeeper player coach manager captain artist guitarist "
    "drummer comedian presenter designer model chef boxer wrestler dj DJ".split()
)
_ROLE_ONE = re.compile(rf"{word_start(*_ROLE_ONE_WORDS)}{_SP}{_W}(?=[,.;:!?)]|{_SP}[a-z(])")
# "Melania, who we have met", "Usher, who performed": a relative pronoun for a person.
_WHO = re.compile(rf"{_W},{_SP}who{_SP}(?!is\b|are\b)")
_SUBJECT_BEFORE = re.compile(
    r"(?:\b[a-z]+|\b(?:Since|When|After|Before|Later|Then|While|Until|As|Once|Because|If|Although|And|But|So))[^\S\n]+\Z"
)
_PART = r"(?:(?:[A-Z]\.){1,3}|[A-ZÀ-Þ][\w'’-]{1,40})"  # a word of a name or an initial, never a sentence's period
_NAME = rf"{_PART}(?:{_SP}(?:de{_SP}|del{_SP}|van{_SP}|von{_SP})?{_PART}){{1,3}}"
_AGED = re.compile(rf"\b\d{{1,3}}-year-old{_SP}(?P<name>{_NAME})")
_LIST_HEAD = re.compile(
    r"(?:(?:including|included|includes|include|named (?:for|after)|such as|among them)|"
    r"(?:men|women|victims|brothers|sisters|sons|daughters|boys|girls|leaders|officers|soldiers),|"
    # "Railtrack managers Alistair Cook, Sean Fugill and Keith Lea": a plural role noun (checked
    # against the vocabulary in code; one alternation of every role would slow the scan)
    r"\b(?P<role>[a-z][a-z-]{2,30})s)[^\S\n]+(?=[A-ZÀ-Þ])"
)
# Every head ends in spaces before a capital, right after the end of "including", "named for",
# "among them", "men," or a plural ("officers"). The engine scans for those capitals
# fast; the head's pattern is then tried only in the characters before each, which its longest
# word (32 characters) stays within.
_HEAD_END = re.compile(
    r"[A-ZÀ-Þ](?:(?<=[a-z-]{3}s[^\S\n].)|(?<=,[^\S\n].)|(?<=ing[^\S\n].)|(?<=ded[^\S\n].)|(?<=ude[^\S\n].)|(?<= as[^\S\n].)"
    r"|(?<=for[^\S\n].)|(?<=fter[^\S\n].)|(?<=them[^\S\n].)|(?<=[^\S\n][^\S\n].))"
)
HEAD_REACH = 40


def list_heads(text: str) -> Iterator[re.Match[str]]:
    """The matches of _LIST_HEAD in the text, as its finditer gives them, found faster: a head holds
    no capital, so each ends at its own capital, and is the first that ends there."""
    done = 0  # where the last head found ends: the next starts after it
    for end in _HEAD_END.finditer(text):
        capital = spaces = end.start()
        while spaces > 0 and text[spaces - 1].isspace() and text[spaces - 1] != "\n":  # [^\S\n]
            spaces -= 1
        head = _LIST_HEAD.search(text, max(done, spaces - HEAD_REACH), capital + 1)
        if head is not None:
            done = head.end()
            yield head


_LIST_ITEM = re.compile(rf"(?:\d{{1,3}}-year-old{_SP})?(?P<name>{_NAME})")
_LIST_GAP = re.compile(rf",{_SP}(?:and{_SP})?|{_SP}and{_SP}")
MAX_ITEMS = 12


def addressed(text: str) -> list[str]:
    """One-word names of people the text calls on, thanks, addresses or names beside a relation,
    and surnames alone that a pronoun points back to."""
    # Each pattern runs only when the words it needs are in the text at all.
    checks = (
        (_CALLED_ON, ("\nQ",), None),
        (_Q_NAME, ("\nQ",), None),
        (_LEAD_IN, ("hank", "ahead", "elcome", "ongratulations"), None),
        (_OPENING, (", I", ", you", ", we", ", thank", ", welcome"), _SENTENCE_START),
        (_CLOSING, ("you",), None),
        (_INTRODUCED, ("I’m ", "I'm ", "I am ", "name is "), None),
        (_WITH_I, (" and I",), None),
        (_RELATION, ("my ", "his ", "her ", "our ", "their ", "your "), None),
        (_SUBJECT, (" his ", " her ", " he ", " she ", " him", "self", " told ", " tells "), _SUBJECT_BEFORE),
        (_CALLED_FROM, (" from ", " at ", " with "), None),
        (_ROLE_ONE, _ROLE_ONE_WORDS, None),
        (_WHO, (", who",), None),
    )
    found: list[str] = []
    rejected: set[str] = set()
    lower: frozenset[str] | None = None  # the words the text writes in lower case, read once when needed
    for pattern, needs, before in checks:
        if not any(need in text for need in needs):
            continue
        for match in pattern.finditer(text):
            name = match.group("name")
            if name in found or name in rejected:
                continue
            if before is not None and not before.search(text, max(0, match.start() - 30), match.start()):
                continue
            if not _one_word_name(name):
                rejected.add(name)
                continue
            if lower is None:
                lower = lower_words(text)
            # A word the text also writes in lower case is a common word ("Look", "Sorry"), no name.
            if name.lower() not in lower:
                found.append(name)
            else:
                rejected.add(name)
    return found


_ITEM = r"(?:[A-ZÀ-Þ][\w'’-]{1,30}(?:[^\S\n]+[A-ZÀ-Þ][\w'’-]{1,30}){0,2})"
_LIST = re.compile(rf"{_ITEM}(?:(?:,{_SP}(?:and{_SP})?|{_SP}and{_SP}){_ITEM}){{1,12}}")
_ITEM_GAP = re.compile(rf",{_SP}(?:and{_SP})?|{_SP}and{_SP}")


def beside(text: str, people: list[str]) -> list[str]:
    """Names listed beside a person: a list names one kind of thing, so "beating Anastacia, Avril
    Lavigne and Britney Spears" names three people when one of them is known to be one. Each item
    must read as a person's name (one word the text never writes in lower case, or two or three
    name words); a list that names no known person adds nobody."""
    known = set(people) | {p.split()[-1] for p in people if " " in p}
    lower: frozenset[str] | None = None
    found: list[str] = []
    for match in _LIST.finditer(text):
        items = [item for item in _ITEM_GAP.split(match.group(0)) if item]
        # "A, B" alone is an apposition ("correspondent in Jakarta, Rachel Harvey"), not a list.
        if not any(item in known for item in items) or (len(items) < 3 and " and " not in match.group(0)):
            continue
        if lower is None:
            lower = lower_words(text)
        after = re.match(r"[^\S\n]+([A-Za-z]+)", text[match.end() : match.end() + 40])
        if after and (after.group(1) in ROLE_NOUNS or after.group(1).removesuffix("s") in ROLE_NOUNS):
            items = items[:-1]  # "… and Railtrack managers Alistair Cook": the last word qualifies a role
        elif after and (after.group(1) in ORG_HEADS or after.group(1) in THING_HEADS):
            items = items[:-1]  # "…, Appliance Standards Awareness Project": the start of a body's name
        for item in items:
            if item in known or item in found:
                continue
            single = " " not in item
            if (single and _one_word_name(item) and item.lower() not in lower) or (not single and is_person_name(item)):
                found.append(item)
    return found


_LOWER_WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’-]*")
_last_words: list[tuple[str, frozenset[str]]] = []  # the last text's words: addressed and beside both read them


def lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (a word it also writes capitalised is a common word,
    no name), read once for the last text asked about."""
    if not _last_words or _last_words[0][0] is not text:
        _last_words[:] = [(text, frozenset(_LOWER_WORD.findall(text)))]
    return _last_words[0][1]


_SHORT_ADVERBS = frozenset("Only Early Truly Daily Fully Duly Oddly Madly Sadly Badly Shyly Dryly Coyly".split())


def _one_word_name(word: str) -> bool:
    # An adverb ("Finally", "Clearly") is no name; a short word in -ly may be one ("Molly", "Kelly").
    adverb = word.endswith("ly") and (len(word) > 5 or word in _SHORT_ADVERBS)
    return not (word in _INTERJECTIONS or word in ONE_WORD_ORGS or adverb or not is_name_word(word))


# A person greeted or introduced by name: "I want to thank Debbie Stabenow", "our next speaker,
# Samara Donahue", "Let’s go to Jennifer Jacobs from Bloomberg".
_GREETING_TAIL = (
    rf"{_SP}(?:(?:my|our|the){_SP}(?:good{_SP}|dear{_SP}|old{_SP})?(?:friend|colleague|buddy|pal|speaker){_SP}?,?{_SP})?(?P<name>{_NAME})\b"
)
_GREETED = re.compile(
    rf"\b(?:thank|introduce|welcome|congratulate|recognize|acknowledge|salute|(?:go|turn){_SP}to|call{_SP}on){_GREETING_TAIL}"
    rf"|\b(?:our|the){_SP}(?:next{_SP})?speaker,{_SP}(?P<name2>{_NAME})\b"
)
# _GREETED for a text without "speaker,", where its second alternative cannot match: the first
# alone, written so that the engine scans for its words' first letters.
_GREETED_ONLY = re.compile(
    "(?:"
    + "|".join(word_starts(*"thank introduce welcome congratulate recognize acknowledge salute".split()))
    + rf"|go(?<=\bgo){_SP}to|turn(?<=\bturn){_SP}to|call(?<=\bcall){_SP}on){_GREETING_TAIL}"
)


def greeted(text: str) -> list[str]:
    """Names of two words or more that a speech thanks, welcomes or introduces, or that a moderator
    calls on."""
    found: list[str] = []
    for match in (_GREETED if "speaker," in text else _GREETED_ONLY).finditer(text):
        name = (match.group("name") or match.groupdict().get("name2") or "").rstrip(".")
        if name not in found and is_person_name(name):
            found.append(name)
    return found


def described(text: str) -> list[str]:
    """Names of two words or more in a descriptive list ("including A, B, and C") or after an
    age ("17-year-old Joe Roe"). A list counts only when every item is a person's name, so a list
    of places or firms adds nobody."""
    aged = _AGED.finditer(text) if "-year-old" in text else ()
    found = [m.group("name") for m in aged if is_person_name(m.group("name"))]
    for head in list_heads(text):
        if head.group("role") and head.group("role") not in ROLE_NOUNS:
            continue
        names: list[str] = []
        at = head.end()
        while len(names) < MAX_ITEMS:
            item = _LIST_ITEM.match(text, at)
            if item is None:
                break
            names.append(item.group("name"))
            gap = _LIST_GAP.match(text, item.end())
            if gap is None:
                break
            at = gap.end()
        # "W.E.B. Du Bois": initials of their own are no word the name test knows.
        if len(names) >= 2 and all(is_person_name(re.sub(r"^(?:[A-Z]\.){2,}\s+", "", n)) for n in names):
            found += [n for n in names if n not in found]
    return found
