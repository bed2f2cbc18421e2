"""Extraction of policy options and dated events; the entry point of the other extractions.

Stage: extraction (after cleaning). Figures live in :mod:`.figures`, quotations in :mod:`.quotes`
(with :mod:`.attribution`), people in :mod:`.names`, organisations in :mod:`.organizations`; their
public names are importable from here too. Rules are general patterns of
news prose, applied to the cleaned text; every item keeps its character span in that text.
Every step looks at a bounded stretch around its match (paragraph bounds come from one list,
not from searching back), and the collections a step compares among themselves are capped, so a
hostile source costs time in proportion to its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from brief.ingest.clean import signature_line
from brief.ingest.metadata import MONTH, MONTHS
from brief.ingest.names import MAX_PEOPLE, find_people
from brief.ingest.organizations import MAX_ORGANIZATIONS, find_organizations
from brief.ingest.quotemarks import MAX_QUOTATION_MARKS
from brief.ingest.quotes import FoundQuote, find_quotes, named_near, near_quotes
from brief.inputs.models import CatalogueOption, Kind, Stance
from brief.numbers import MONTH_STARTS
from brief.quickre import YEAR

__all__ = [
    "MAX_ORGANIZATIONS", "MAX_PEOPLE", "MAX_QUOTATION_MARKS", "FoundEvent", "FoundOption", "FoundQuote", "find_events",
    "find_options", "find_organizations", "find_people", "find_quotes", "named_near", "near_quotes",
]  # fmt: skip

_ADVOCATE = re.compile(
    r"\b(?:should|must|need(?:s)? to|ought|call(?:s|ed|ing)? (?:for|on)|urg(?:e[sd]?|ing)|recommend\w*|priority|propos\w+|it is time|step up|redouble)\b",
    re.I,
)
_CRITICIZE = re.compile(
    r"\b(?:fail\w*|mistake|critic\w+|oppos\w+|ill[- ]conceived|not favor|backfire\w*|scandal\w*|threat\w*|wrong|dysfunction\w*)\b", re.I
)
_ANNOUNCE = re.compile(r"\b(?:announc\w+|agreed|launch\w*|signed|unveil\w*|establish\w*|will (?:set up|create|begin))\b", re.I)

_YEAR = re.compile(YEAR)

_EVENT_DATE = re.compile(
    rf"\b(?:on\s+)?(?P<full>(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d))"
    rf"|\b(?i:in|since|by|during|until|early|late|mid-?)\s+(?i:early\s+|late\s+|mid-?)?(?P<m2>{MONTH})(?:\s+(?P<y2>(?:19|20)\d\d))?\b"
    rf"|\b(?i:on\s+)(?P<m3>{MONTH})\s+(?P<d3>\d{{1,2}})\b",
)


@dataclass
class FoundOption:
    id: str
    stance: Stance
    quote: str
    start: int


@dataclass
class FoundEvent:
    date: str
    what: str
    quote: str
    start: int


def find_options(
    text: str, sentences: list[tuple[int, int]], catalogue: dict[str, CatalogueOption], kind: Kind | None = None
) -> list[FoundOption]:
    """Catalogue options a source discusses, each with the source's stance and a short locator.
    The stance is the source's own, so it follows the kind of document first: news and research
    report what others do and say (a quoted official's call is still reported); a government's
    own document announces what it does, unless it calls on others to act; commentary advocates
    or criticizes where its words next to the option say so. A document of unknown kind is read
    by the words alone, as before its kind was known."""
    found: dict[str, FoundOption] = {}
    for option in catalogue.values():
        terms = [t for t in option.terms if t.strip()]
        if not terms:
            continue
        pattern = re.compile("|".join(_term_pattern(t) for t in sorted(terms, key=len, reverse=True)), re.I)
        lower_terms = {t.casefold() for t in terms if t == t.lower()}
        named = {t for t in terms if t != t.lower()}  # terms the catalogue writes as names
        for start, end in sentences:
            sentence = text[start:end]
            match = next((m for m in pattern.finditer(sentence) if m.group(0) in named or not _inside_name(sentence, m, lower_terms)), None)
            if not match:
                continue
            stance = _stance(sentence, match, kind)
            previous = found.get(option.id)
            # Prefer a sentence that takes a stance over one that only reports.
            if previous is None or (previous.stance == "reports" and stance != "reports"):
                found[option.id] = FoundOption(option.id, stance, _locator(sentence, match.start(), match.end()), start + match.start())
    return sorted(found.values(), key=lambda o: o.start)


def _stance(sentence: str, match: re.Match[str], kind: Kind | None) -> Stance:
    """The source's stance toward an option its sentence names (see :func:`find_options`). Cue
    words count only near the option (twelve words either side): in a long sentence of a
    release, "threaten" or "failed" further on is about the problem, not the option."""
    if kind in ("news", "report"):
        return "reports"
    near = _words_around(sentence, match.start(), match.end(), 12)
    if kind == "official":
        return "advocates" if _ADVOCATE.search(near) else "announces"
    if kind in ("opinion", "editorial"):
        return "advocates" if _ADVOCATE.search(near) else "criticizes" if _CRITICIZE.search(near) else "reports"
    return (
        "advocates"
        if _ADVOCATE.search(sentence)
        else "criticizes"
        if _CRITICIZE.search(sentence)
        else "announces"
        if _ANNOUNCE.search(sentence)
        else "reports"
    )


def _words_around(sentence: str, start: int, end: int, words: int) -> str:
    """The match and at most `words` words of its sentence on either side."""
    before = sentence[:start].split()[-words:]
    after = sentence[end:].split()[:words]
    return " ".join([*before, sentence[start:end], *after])


def _term_pattern(term: str) -> str:
    """A catalogue term as a pattern that also finds its plural and verb forms: "money
    laundering" finds "money launderers", "precursor chemical" finds "precursor chemicals". Only
    an ending is changed ("police" never finds "policy"); names and short words stay exact. A term
    of two words that ends in a noun of action also finds its verb before the first word ("demand
    reduction": "reduce harm and demand")."""
    words = []
    for word in term.split():
        if word.islower() and len(word) >= 5 and word.isalpha():
            root = re.sub(r"(?:ing|ers|er|ed|es|s)$", "", word)
            words.append(re.escape(root) + r"(?:ing|ers?|ed|es|s)?")
        else:
            words.append(re.escape(word))
    pattern = r"\b" + r"\s+".join(words)  # open at the end: "extradite" finds "extradited"
    verb = _verb_of(term.split()[-1]) if len(term.split()) == 2 and term.islower() else None
    if verb:  # "demand reduction" said with its verb: "reduce harm and demand", "reducing drug demand"
        pattern += rf"|\b{verb}(?:s|d|ing)?\s+(?:[\w-]+\s+){{0,2}}?{re.escape(term.split()[0])}\b"
    return pattern


def _verb_of(noun: str) -> str | None:
    """The verb a noun of action is made from, for the endings that say it plainly: reduction ->
    reduce, prevention -> prevent, enforcement -> enforce, designation -> designate."""
    for ending, verb_ending in (("uction", "uce"), ("ention", "ent"), ("ement", "e"), ("ation", "ate")):
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            stem = noun[: -len(ending)] + verb_ending
            return re.escape(stem[:-1]) + "e?" if stem.endswith("e") else re.escape(stem)
    return None


_NAME_WORD = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of|and|for|the))?\s+$")
_NAME_AFTER = re.compile(r"^\s+(?:of|and|for)\s+(?:the\s+)?[A-Z]")


def _inside_name(sentence: str, match: re.Match[str], lower_terms: set[str]) -> bool:
    """A term the catalogue writes in lower case, found capitalised inside a longer capitalised
    name ("Undersecretary of Population and Migration", "Weapons of Mass Destruction"), names an
    office or a thing, not the option: a capitalised word runs into it, or it runs on into one.
    A name that is the term itself ("a Foreign Terrorist Organization") still counts."""
    if not lower_terms or not match.group(0)[:1].isupper():
        return False
    before = sentence[max(0, match.start() - 60) : match.start()]
    if _NAME_WORD.search(before) and not re.search(r"(?:^|[.!?:“\"]\s*)[A-Z][\w’'-]*\s+$", before):
        return True
    return bool(_NAME_AFTER.match(sentence[match.end() : match.end() + 40]))


def _locator(sentence: str, start: int, end: int, words: int = 10) -> str:
    """At most `words` words of the sentence around a match: a contiguous slice of the text, so
    it stays verbatim."""
    lefts = [m.start() for m in re.finditer(r"\S+", sentence[:start])]
    left = lefts[-3] if len(lefts) >= 3 else (lefts[0] if lefts else start)
    budget = max(0, words - 3 - len(sentence[start:end].split()))
    rights = [m.end() for m in re.finditer(r"\S+", sentence[end:])][:budget]
    right = end + rights[-1] if rights else end
    text = sentence[left:right]
    # A locator ends at a clause boundary when there is one, and never inside a quotation mark.
    cut = re.search(r"[.;:!?”\"]\s", text[end - left :])
    if cut:
        text = text[: end - left + cut.start()]
    return text.strip(' ,;:.“”"*')


# The start of a month's name anywhere: the engine scans for the first letters of these alone.
_MONTH_START = re.compile("|".join(MONTH_STARTS))


def find_events(text: str, sentences: list[tuple[int, int]], published: date | None) -> list[FoundEvent]:
    """Dated events: sentences that say when something happened, dates resolved against the
    publication date ("in November" in an article of February 2020 is November 2019)."""
    events: list[FoundEvent] = []
    seen: set[str] = set()
    # The latest year named before each sentence, from one pass over the text (not one per sentence).
    years = [(m.end(), int(m.group(0))) for m in _YEAR.finditer(text)]
    ends = [end for end, _ in years]
    latest = [0] * len(years)
    for index, (_, year) in enumerate(years):
        latest[index] = max(year, latest[index - 1] if index else 0)
    for start, end in sentences:
        sentence = text[start:end].strip()
        if not _MONTH_START.search(sentence):
            continue  # most sentences name no month, and these tests are cheaper than the search
        match = _EVENT_DATE.search(sentence)
        if not match or re.search(r"\b(?:posted|published|updated|reprinted)\b", sentence, re.I):
            continue  # a dateline is metadata, not an event
        if signature_line(sentence):
            continue  # a signature's date: when a post went up
        # Without a publication date, a bare month belongs to the latest year named before it.
        before = bisect_right(ends, start)  # years that end before the sentence starts
        context = date(latest[before - 1], 12, 31) if before else None
        iso = _resolve(match, published or context)
        if iso is None:
            continue
        what = re.sub(r"\s+", " ", sentence)
        what = what if len(what) <= 160 else what[:157].rsplit(" ", 1)[0] + "…"
        key = iso + what[:40]
        if key in seen:
            continue
        seen.add(key)
        events.append(FoundEvent(iso, what, _locator(sentence, match.start(), match.end(), 8), start + match.start()))
    return events[:15]


def _resolve(match: re.Match[str], published: date | None) -> str | None:
    month_text = match.group("m1") or match.group("m2") or match.group("m3")
    month = MONTHS.get(month_text.lower().rstrip("."), 0) if month_text else 0
    if not month:
        return None
    year_text = match.group("y1") or match.group("y2")
    day = match.group("d1") or match.group("d3")
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
